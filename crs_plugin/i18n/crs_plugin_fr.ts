<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA" sourcelanguage="en">
  <context>
    <name>CrsServicePointsPlugin</name>
    <message>
      <source>CRS Service Points needs these Python packages: {}. Install them in QGIS's Python (OSGeo4W shell or: python3 -m pip install --user 'shapely&gt;=2,&lt;2.1' scipy pyproj) and restart QGIS.</source>
      <translation>CRS Service Points a besoin de ces paquets Python : {}. Installez-les dans le Python de QGIS (invite OSGeo4W ou : python3 -m pip install --user 'shapely&gt;=2,&lt;2.1' scipy pyproj) puis redémarrez QGIS.</translation>
    </message>
    <message>
      <source>Service points panel</source>
      <translation>Panneau des points de service</translation>
    </message>
    <message>
      <source>Nearest service point…</source>
      <translation>Point de service le plus proche…</translation>
    </message>
  </context>
  <context>
    <name>CrsSettings</name>
    <message>
      <source>A catalogue file, or the URL of a shared one.</source>
      <translation>Un fichier de catalogue, ou l'URL d'un catalogue partagé.</translation>
    </message>
    <message>
      <source>Source catalogue (path or URL)</source>
      <translation>Catalogue des sources (chemin ou URL)</translation>
    </message>
    <message>
      <source>Shared store (PostgreSQL connection)</source>
      <translation>Dépôt partagé (connexion PostgreSQL)</translation>
    </message>
    <message>
      <source>Default distance thresholds (km)</source>
      <translation>Seuils de distance par défaut (km)</translation>
    </message>
    <message>
      <source>Cache folder</source>
      <translation>Dossier de cache</translation>
    </message>
  </context>
  <context>
    <name>ServicePointsDock</name>
    <message>
      <source>CRS Service Points</source>
      <translation>Points de service CRS</translation>
    </message>
    <message>
      <source>Sources</source>
      <translation>Sources</translation>
    </message>
    <message>
      <source>Analyse</source>
      <translation>Analyser</translation>
    </message>
    <message>
      <source>Contribute</source>
      <translation>Contribuer</translation>
    </message>
    <message>
      <source>Search sources…</source>
      <translation>Rechercher des sources…</translation>
    </message>
    <message>
      <source>Load / refresh checked sources</source>
      <translation>Charger / actualiser les sources cochées</translation>
    </message>
    <message>
      <source>Filter loaded points</source>
      <translation>Filtrer les points chargés</translation>
    </message>
    <message>
      <source>Reading the source catalogue</source>
      <translation>Lecture du catalogue des sources</translation>
    </message>
    <message>
      <source>Loading service point sources</source>
      <translation>Chargement des sources de points de service</translation>
    </message>
    <message>
      <source>Service points</source>
      <translation>Points de service</translation>
    </message>
    <message>
      <source>Census population layer</source>
      <translation>Couche de population du recensement</translation>
    </message>
    <message>
      <source>Report for the working group (PDF)</source>
      <translation>Rapport pour le groupe de travail (PDF)</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Langue</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
      <source>PDF file</source>
      <translation>Fichier PDF</translation>
    </message>
    <message>
      <source>Also save the outputs and the report in the store as a QGIS project</source>
      <translation>Enregistrer aussi les résultats et le rapport dans le dépôt, comme projet QGIS</translation>
    </message>
    <message>
      <source>Make the report</source>
      <translation>Produire le rapport</translation>
    </message>
    <message>
      <source>Making the report… (progress and Cancel in QGIS's task manager)</source>
      <translation>Production du rapport… (progression et annulation dans le gestionnaire de tâches de QGIS)</translation>
    </message>
    <message>
      <source>Making the working group's report</source>
      <translation>Production du rapport du groupe de travail</translation>
    </message>
    <message>
      <source>Shared store</source>
      <translation>Dépôt partagé</translation>
    </message>
    <message>
      <source>My jurisdiction</source>
      <translation>Mon administration</translation>
    </message>
    <message>
      <source>Checkout file</source>
      <translation>Fichier d'extrait</translation>
    </message>
    <message>
      <source>Name and e-mail</source>
      <translation>Nom et courriel</translation>
    </message>
    <message>
      <source>Contributor</source>
      <translation>Contributeur</translation>
    </message>
    <message>
      <source>Check out</source>
      <translation>Extraire</translation>
    </message>
    <message>
      <source>Validate</source>
      <translation>Valider</translation>
    </message>
    <message>
      <source>Build and submit</source>
      <translation>Préparer et soumettre</translation>
    </message>
    <message>
      <source>Checking out</source>
      <translation>Extraction</translation>
    </message>
    <message>
      <source>My service points (checkout)</source>
      <translation>Mes points de service (extrait)</translation>
    </message>
    <message>
      <source>Validating</source>
      <translation>Validation</translation>
    </message>
    <message>
      <source>Building the submission</source>
      <translation>Préparation de la soumission</translation>
    </message>
    <message>
      <source>Submitting</source>
      <translation>Soumission</translation>
    </message>
    <message>
      <source>The task failed or was cancelled.</source>
      <translation>La tâche a échoué ou a été annulée.</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>Publisher</source>
      <translation>Éditeur</translation>
    </message>
    <message>
      <source>Licence</source>
      <translation>Licence</translation>
    </message>
    <message>
      <source>Last fetched</source>
      <translation>Dernière récupération</translation>
    </message>
    <message>
      <source>Points</source>
      <translation>Points</translation>
    </message>
    <message>
      <source>Order of government</source>
      <translation>Ordre de gouvernement</translation>
    </message>
    <message>
      <source>Jurisdiction</source>
      <translation>Administration</translation>
    </message>
    <message>
      <source>Channel</source>
      <translation>Mode de prestation</translation>
    </message>
    <message>
      <source>Point type</source>
      <translation>Type de point</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>Service</translation>
    </message>
    <message>
      <source>The source catalogue cannot be used</source>
      <translation>Le catalogue des sources est inutilisable</translation>
    </message>
    <message>
      <source>Nothing to load</source>
      <translation>Rien à charger</translation>
    </message>
    <message>
      <source>Check at least one source.</source>
      <translation>Cochez au moins une source.</translation>
    </message>
    <message>
      <source>Loading failed or was cancelled.</source>
      <translation>Le chargement a échoué ou a été annulé.</translation>
    </message>
    <message>
      <source>No source could be loaded</source>
      <translation>Aucune source n'a pu être chargée</translation>
    </message>
    <message>
      <source>{} points loaded from {} sources; {} changed since last refresh.</source>
      <translation>{} points chargés de {} sources; {} modifiés depuis la dernière actualisation.</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>Rapport</translation>
    </message>
    <message>
      <source>Load the service points and choose the census population layer first.</source>
      <translation>Chargez d'abord les points de service et choisissez la couche de population du recensement.</translation>
    </message>
    <message>
      <source>Choose where to write the PDF.</source>
      <translation>Choisissez où écrire le PDF.</translation>
    </message>
    <message>
      <source>The report failed or was cancelled.</source>
      <translation>Le rapport a échoué ou a été annulé.</translation>
    </message>
    <message>
      <source>No report</source>
      <translation>Aucun rapport</translation>
    </message>
    <message>
      <source>{} pages written to {}.</source>
      <translation>{} pages écrites dans {}.</translation>
    </message>
    <message>
      <source>Project and layouts saved in the store: Project › Open From › GeoPackage.</source>
      <translation>Projet et mises en page enregistrés dans le dépôt : Projet › Ouvrir depuis › GeoPackage.</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>Gravité</translation>
    </message>
    <message>
      <source>Point</source>
      <translation>Point</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Champ</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>Problème</translation>
    </message>
    <message>
      <source>Choose the shared store and where to save the checkout.</source>
      <translation>Choisissez le dépôt partagé et l'endroit où enregistrer l'extrait.</translation>
    </message>
    <message>
      <source>Check out failed</source>
      <translation>L'extraction a échoué</translation>
    </message>
    <message>
      <source>Check out your points first (or choose a checkout file).</source>
      <translation>Extrayez d'abord vos points (ou choisissez un fichier d'extrait).</translation>
    </message>
    <message>
      <source>Validation failed</source>
      <translation>La validation a échoué</translation>
    </message>
    <message>
      <source>No problems found: ready to submit.</source>
      <translation>Aucun problème : prêt à soumettre.</translation>
    </message>
    <message>
      <source>Submit</source>
      <translation>Soumettre</translation>
    </message>
    <message>
      <source>Choose your checkout and say who you are (Contributor).</source>
      <translation>Choisissez votre extrait et indiquez qui vous êtes (Contributeur).</translation>
    </message>
    <message>
      <source>The submission could not be built</source>
      <translation>La soumission n'a pas pu être préparée</translation>
    </message>
    <message>
      <source>The submission was not sent</source>
      <translation>La soumission n'a pas été envoyée</translation>
    </message>
    <message>
      <source>Submitted as number {}; the geomapping team will review it.</source>
      <translation>Soumission numéro {}; l'équipe de géomatique l'examinera.</translation>
    </message>
    <message>
      <source>Fix it or choose another one in Settings › Options › CRS Service Points.</source>
      <translation>Corrigez-le ou choisissez-en un autre dans Préférences › Options › Points de service CRS.</translation>
    </message>
    <message>
      <source>Loading {} sources…</source>
      <translation>Chargement de {} sources…</translation>
    </message>
    <message>
      <source>{} points checked out (base version {}). Edit them, then Validate.</source>
      <translation>{} points extraits (version de base {}). Modifiez-les, puis validez.</translation>
    </message>
    <message>
      <source>Failed: {} (their previous points are kept; see the log).</source>
      <translation>Échec : {} (leurs points précédents sont conservés; voir le journal).</translation>
    </message>
    <message>
      <source>{} errors, {} warnings. Click a problem to zoom to it.</source>
      <translation>{} erreurs, {} avertissements. Cliquez sur un problème pour y zoomer.</translation>
    </message>
    <message>
      <source>Nearest service</source>
      <translation>Service le plus proche</translation>
    </message>
    <message>
      <source>Population covered</source>
      <translation>Population desservie</translation>
    </message>
    <message>
      <source>Service gaps</source>
      <translation>Zones mal desservies</translation>
    </message>
    <message>
      <source>Accessibility (2SFCA)</source>
      <translation>Accessibilité (2SFCA)</translation>
    </message>
    <message>
      <source>Co-location candidates</source>
      <translation>Candidats à la colocalisation</translation>
    </message>
  </context>
</TS>
