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
    <name>MissingRequirementsPlugin</name>
    <message>
      <source>Details…</source>
      <translation>Détails…</translation>
    </message>
    <message>
      <source>Install them for the plugin</source>
      <translation>Les installer pour l’extension</translation>
    </message>
    <message>
      <source>Installing Python packages for CRS Service Points</source>
      <translation>Installation de paquets Python pour Points de service CRS</translation>
    </message>
    <message>
      <source>The packages are installed; restart QGIS to use CRS Service Points.</source>
      <translation>Les paquets sont installés; redémarrez QGIS pour utiliser Points de service CRS.</translation>
    </message>
    <message>
      <source>Some Python packages are missing: {}.</source>
      <translation>Des paquets Python manquent : {}.</translation>
    </message>
    <message>
      <source>Or let the plugin install them with QGIS's own Python into its own folder ({}), without touching the system's Python.</source>
      <translation>Ou laissez l’extension les installer avec le Python de QGIS dans son propre dossier ({}), sans toucher au Python du système.</translation>
    </message>
    <message>
      <source>The packages could not be installed: {}</source>
      <translation>Les paquets n’ont pas pu être installés : {}</translation>
    </message>
  </context>
  <context>
    <name>ReviewDialog</name>
    <message>
      <source>Each conflict shows the value the contributor started from (base), the shared store's value now, and the submitted value. Choose for each: keep the store's, take the submission's, or type a value.</source>
      <translation>Chaque conflit montre la valeur de départ du contributeur (base), la valeur actuelle du dépôt partagé et la valeur soumise. Choisissez pour chacun : garder celle du dépôt, prendre celle de la soumission ou saisir une valeur.</translation>
    </message>
    <message>
      <source>Apply with these decisions</source>
      <translation>Appliquer avec ces décisions</translation>
    </message>
    <message>
      <source>— choose —</source>
      <translation>— choisir —</translation>
    </message>
    <message>
      <source>Decide the conflicts</source>
      <translation>Trancher les conflits</translation>
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
      <source>Base</source>
      <translation>Base</translation>
    </message>
    <message>
      <source>Shared store</source>
      <translation>Dépôt partagé</translation>
    </message>
    <message>
      <source>Submission</source>
      <translation>Soumission</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>Décision</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Valeur</translation>
    </message>
    <message>
      <source>(deleted)</source>
      <translation>(supprimé)</translation>
    </message>
    <message>
      <source>Keep the store's point</source>
      <translation>Garder le point du dépôt</translation>
    </message>
    <message>
      <source>Take the submission's</source>
      <translation>Prendre celui de la soumission</translation>
    </message>
    <message>
      <source>Keep the store's value</source>
      <translation>Garder la valeur du dépôt</translation>
    </message>
    <message>
      <source>Take the submission's value</source>
      <translation>Prendre la valeur soumise</translation>
    </message>
    <message>
      <source>Type a value</source>
      <translation>Saisir une valeur</translation>
    </message>
    <message>
      <source>Every conflict has a decision.</source>
      <translation>Chaque conflit a une décision.</translation>
    </message>
    <message>
      <source>Partnership {}</source>
      <translation>Partenariat {}</translation>
    </message>
    <message>
      <source>{point}: {field} was changed in the shared store and in the submission.</source>
      <translation>{point} : {field} a été modifié dans le dépôt partagé et dans la soumission.</translation>
    </message>
    <message>
      <source>{point} was deleted in the shared store after checkout; the submission changes it. Keep it deleted, or restore it with the submission's changes.</source>
      <translation>{point} a été supprimé du dépôt partagé après l'extraction; la soumission le modifie. Le garder supprimé, ou le rétablir avec les modifications soumises.</translation>
    </message>
    <message>
      <source>{point} was changed in the shared store after checkout; the submission deletes it. Keep the point, or delete it.</source>
      <translation>{point} a été modifié dans le dépôt partagé après l'extraction; la soumission le supprime. Garder le point, ou le supprimer.</translation>
    </message>
    <message>
      <source>{point} was also added to the shared store by someone else; {field} differs.</source>
      <translation>{point} a aussi été ajouté au dépôt partagé par quelqu'un d'autre; {field} diffère.</translation>
    </message>
    <message>
      <source>The point id {submitted} is already used by {other}: keep the store's, or type another point id.</source>
      <translation>L'identifiant {submitted} est déjà utilisé par {other} : garder celui du dépôt, ou saisir un autre identifiant.</translation>
    </message>
    <message>
      <source>{point} links the service point {other}, which the shared store no longer has: keep the store's partnership, or type its points again.</source>
      <translation>{point} relie le point de service {other}, que le dépôt partagé n'a plus : gardez le partenariat du dépôt, ou saisissez de nouveau ses points.</translation>
    </message>
    <message>
      <source>{} of {} conflicts still need a decision.</source>
      <translation>{} conflits sur {} attendent encore une décision.</translation>
    </message>
    <message>
      <source>Decide…</source>
      <translation>Trancher…</translation>
    </message>
    <message>
      <source>Applying the submission</source>
      <translation>Application de la soumission</translation>
    </message>
    <message>
      <source>{} conflicts wait for a decision.</source>
      <translation>{} conflits attendent une décision.</translation>
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
      <source>Partnerships of the selected point</source>
      <translation>Partenariats du point sélectionné</translation>
    </message>
    <message>
      <source>Edit partnerships</source>
      <translation>Modifier les partenariats</translation>
    </message>
    <message>
      <source>Partnerships</source>
      <translation>Partenariats</translation>
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
      <source>Plan: which partner sites to add</source>
      <translation>Planifier : quels sites partenaires ajouter</translation>
    </message>
    <message>
      <source>Federal in-person points stay open; the in-person points of other governments are the candidate sites. Every option is in the Co-location planner dialog.</source>
      <translation>Les points fédéraux en personne restent ouverts; les points en personne des autres gouvernements sont les sites candidats. Toutes les options sont dans la boîte de dialogue du planificateur de colocalisation.</translation>
    </message>
    <message>
      <source>Objective</source>
      <translation>Objectif</translation>
    </message>
    <message>
      <source>Sites to add</source>
      <translation>Sites à ajouter</translation>
    </message>
    <message>
      <source>Coverage target</source>
      <translation>Cible de couverture</translation>
    </message>
    <message>
      <source>Within</source>
      <translation>À portée de</translation>
    </message>
    <message>
      <source>Greedy (fast)</source>
      <translation>Gloutonne (rapide)</translation>
    </message>
    <message>
      <source>Exact (HiGHS)</source>
      <translation>Exacte (HiGHS)</translation>
    </message>
    <message>
      <source>Solver</source>
      <translation>Résolution</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>Planifier</translation>
    </message>
    <message>
      <source>Planning…</source>
      <translation>Planification…</translation>
    </message>
    <message>
      <source>Planning co-location sites</source>
      <translation>Planification des sites de colocalisation</translation>
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
      <source>My signing key</source>
      <translation>Ma clé de signature</translation>
    </message>
    <message>
      <source>Create a key, then send this public key to the DBA</source>
      <translation>Créez une clé, puis envoyez cette clé publique à l'administrateur de la base</translation>
    </message>
    <message>
      <source>Create my signing key</source>
      <translation>Créer ma clé de signature</translation>
    </message>
    <message>
      <source>Public key</source>
      <translation>Clé publique</translation>
    </message>
    <message>
      <source>Teams without database access: packages go to this shared folder (signed).</source>
      <translation>Équipes sans accès à la base : les paquets vont dans ce dossier partagé (signés).</translation>
    </message>
    <message>
      <source>…or shared folder</source>
      <translation>…ou dossier partagé</translation>
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
      <source>Review (geomapping team)</source>
      <translation>Révision (équipe de géomatique)</translation>
    </message>
    <message>
      <source>Submission number</source>
      <translation>Numéro de soumission</translation>
    </message>
    <message>
      <source>Submission</source>
      <translation>Soumission</translation>
    </message>
    <message>
      <source>…or package</source>
      <translation>…ou paquet</translation>
    </message>
    <message>
      <source>Why (the contributor sees it)</source>
      <translation>Pourquoi (le contributeur le verra)</translation>
    </message>
    <message>
      <source>Reason for a rejection</source>
      <translation>Motif d'un refus</translation>
    </message>
    <message>
      <source>Review</source>
      <translation>Réviser</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>Appliquer</translation>
    </message>
    <message>
      <source>Reject</source>
      <translation>Refuser</translation>
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
      <source>My partnerships (checkout)</source>
      <translation>Mes partenariats (extraction)</translation>
    </message>
    <message>
      <source>Validating</source>
      <translation>Validation</translation>
    </message>
    <message>
      <source>Your signing key is in QGIS's authentication database. Send the public key to the shared store's DBA to have it registered.</source>
      <translation>Votre clé de signature est dans la base d'authentification de QGIS. Envoyez la clé publique à l'administrateur du dépôt partagé pour qu'il l'enregistre.</translation>
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
      <source>Reviewing the submission</source>
      <translation>Révision de la soumission</translation>
    </message>
    <message>
      <source>Applying the submission</source>
      <translation>Application de la soumission</translation>
    </message>
    <message>
      <source>Rejecting the submission</source>
      <translation>Refus de la soumission</translation>
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
      <source>Type</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>Partners</source>
      <translation>Partenaires</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>Résumé</translation>
    </message>
    <message>
      <source>Load the service points first.</source>
      <translation>Chargez d'abord les points de service.</translation>
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
      <source>Service regions (call centres, online)</source>
      <translation>Régions desservies (centres d'appels, en ligne)</translation>
    </message>
    <message>
      <source>Sites</source>
      <translation>Sites</translation>
    </message>
    <message>
      <source>Site added</source>
      <translation>Site ajouté</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Résultat</translation>
    </message>
    <message>
      <source>Load service points (Sources) and choose a census population layer.</source>
      <translation>Chargez les points de service (Sources) et choisissez une couche de population du recensement.</translation>
    </message>
    <message>
      <source>The plan failed or was cancelled.</source>
      <translation>La planification a échoué ou a été annulée.</translation>
    </message>
    <message>
      <source>Areas still uncovered</source>
      <translation>Aires encore non couvertes</translation>
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
      <source>Signing key</source>
      <translation>Clé de signature</translation>
    </message>
    <message>
      <source>Say who you are (Contributor) first: the key is named after you.</source>
      <translation>Indiquez d'abord qui vous êtes (Contributeur) : la clé porte votre nom.</translation>
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
      <source>Choose the shared store, and a submission number or a package (one of them).</source>
      <translation>Choisissez le dépôt partagé, et un numéro de soumission ou un paquet (l'un des deux).</translation>
    </message>
    <message>
      <source>The submission cannot be reviewed</source>
      <translation>La soumission ne peut pas être révisée</translation>
    </message>
    <message>
      <source>The submission was not applied</source>
      <translation>La soumission n'a pas été appliquée</translation>
    </message>
    <message>
      <source>The submission was not rejected</source>
      <translation>La soumission n'a pas été refusée</translation>
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
      <source>{} points and {} partnerships checked out (base version {}). Edit them, then Validate.</source>
      <translation>{} points et {} partenariats extraits (version de base {}). Modifiez-les, puis validez.</translation>
    </message>
    <message>
      <source>Package placed in the shared folder: {}</source>
      <translation>Paquet déposé dans le dossier partagé : {}</translation>
    </message>
    <message>
      <source>Submitted as number {}; the geomapping team will review it.</source>
      <translation>Soumission numéro {}; l'équipe de géomatique l'examinera.</translation>
    </message>
    <message>
      <source>A submission number is a whole number.</source>
      <translation>Un numéro de soumission est un nombre entier.</translation>
    </message>
    <message>
      <source>Submission {} rejected.</source>
      <translation>Soumission {} refusée.</translation>
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
      <source>Service regions</source>
      <translation>Régions desservies</translation>
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
    <message>
      <source>Co-location planner (all options)</source>
      <translation>Planificateur de colocalisation (toutes les options)</translation>
    </message>
    <message>
      <source>Service standards</source>
      <translation>Normes de service</translation>
    </message>
    <message>
      <source>Most people within reach</source>
      <translation>Le plus de personnes à portée</translation>
    </message>
    <message>
      <source>Shortest mean distance</source>
      <translation>La distance moyenne la plus courte</translation>
    </message>
    <message>
      <source>Fewest sites for a target</source>
      <translation>Le moins de sites pour une cible</translation>
    </message>
  </context>
</TS>
