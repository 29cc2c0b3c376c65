<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA" sourcelanguage="en">
  <context>
    <name>AddSourceDialog</name>
    <message>
      <source>Remove this source…</source>
      <translation>Retirer cette source…</translation>
    </message>
    <message>
      <source>&lt; Back</source>
      <translation>&lt; Précédent</translation>
    </message>
    <message>
      <source>Next &gt;</source>
      <translation>Suivant &gt;</translation>
    </message>
    <message>
      <source>Save and load</source>
      <translation>Enregistrer et charger</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>1. Address</source>
      <translation>1. Adresse</translation>
    </message>
    <message>
      <source>2. Preview</source>
      <translation>2. Aperçu</translation>
    </message>
    <message>
      <source>3. Description</source>
      <translation>3. Description</translation>
    </message>
    <message>
      <source>4. Fields and checks</source>
      <translation>4. Champs et vérifications</translation>
    </message>
    <message>
      <source>Add source</source>
      <translation>Ajouter une source</translation>
    </message>
    <message>
      <source>Paste the address of a CSV, GeoJSON or ZIP file, an ArcGIS REST service or layer, an OGC API landing page or collection, a WFS GetCapabilities URL or a CKAN dataset page — or choose a file on this computer. What it is comes from what it answers.</source>
      <translation>Collez l'adresse d'un fichier CSV, GeoJSON ou ZIP, d'un service ou d'une couche ArcGIS REST, d'une page d'accueil ou d'une collection OGC API, d'une URL GetCapabilities de WFS ou de la page d'un jeu de données CKAN — ou choisissez un fichier sur cet ordinateur. Sa nature vient de ce qu'il répond.</translation>
    </message>
    <message>
      <source>Data files (*.csv *.txt *.geojson *.json *.zip *.gpkg);;All files (*)</source>
      <translation>Fichiers de données (*.csv *.txt *.geojson *.json *.zip *.gpkg);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <source>Address or file</source>
      <translation>Adresse ou fichier</translation>
    </message>
    <message>
      <source>Authentication</source>
      <translation>Authentification</translation>
    </message>
    <message>
      <source>Only a QGIS authentication configuration (Basic) is named in the catalogue; the password stays in QGIS's encrypted store.</source>
      <translation>Le catalogue ne nomme qu'une configuration d'authentification de QGIS (de base); le mot de passe reste dans le magasin chiffré de QGIS.</translation>
    </message>
    <message>
      <source>Recognise</source>
      <translation>Reconnaître</translation>
    </message>
    <message>
      <source>Recognising a source address</source>
      <translation>Reconnaissance de l'adresse d'une source</translation>
    </message>
    <message>
      <source>Coordinate columns</source>
      <translation>Colonnes de coordonnées</translation>
    </message>
    <message>
      <source>CRS</source>
      <translation>SCR</translation>
    </message>
    <message>
      <source>From the file</source>
      <translation>Selon le fichier</translation>
    </message>
    <message>
      <source>Text file</source>
      <translation>Fichier texte</translation>
    </message>
    <message>
      <source>Reading a source for its preview</source>
      <translation>Lecture d'une source pour son aperçu</translation>
    </message>
    <message>
      <source>Source id</source>
      <translation>Identifiant de la source</translation>
    </message>
    <message>
      <source>Title (English)</source>
      <translation>Titre (anglais)</translation>
    </message>
    <message>
      <source>Title (French)</source>
      <translation>Titre (français)</translation>
    </message>
    <message>
      <source>Publisher</source>
      <translation>Éditeur</translation>
    </message>
    <message>
      <source>Choose a licence or type its name</source>
      <translation>Choisissez une licence ou tapez son nom</translation>
    </message>
    <message>
      <source>Licence</source>
      <translation>Licence</translation>
    </message>
    <message>
      <source>— choose —</source>
      <translation>— choisir —</translation>
    </message>
    <message>
      <source>Order of government</source>
      <translation>Ordre de gouvernement</translation>
    </message>
    <message>
      <source>a province or territory, CA, or a 7-digit CSD code</source>
      <translation>une province ou un territoire, CA, ou un code de SDR à 7 chiffres</translation>
    </message>
    <message>
      <source>Jurisdiction</source>
      <translation>Administration</translation>
    </message>
    <message>
      <source>— not said —</source>
      <translation>— non précisée —</translation>
    </message>
    <message>
      <source>Refresh cadence</source>
      <translation>Fréquence de mise à jour</translation>
    </message>
    <message>
      <source>Save to</source>
      <translation>Enregistrer dans</translation>
    </message>
    <message>
      <source>A file to send to the maintainers of a shared catalogue (this source alone, its mapping inside)</source>
      <translation>Un fichier à envoyer aux responsables d'un catalogue partagé (cette source seule, avec son association)</translation>
    </message>
    <message>
      <source>Give the source an id.</source>
      <translation>Donnez un identifiant à la source.</translation>
    </message>
    <message>
      <source>Choose the order of government.</source>
      <translation>Choisissez l'ordre de gouvernement.</translation>
    </message>
    <message>
      <source>Choose the jurisdiction.</source>
      <translation>Choisissez l'administration.</translation>
    </message>
    <message>
      <source>Coordinates</source>
      <translation>Coordonnées</translation>
    </message>
    <message>
      <source>Mapping</source>
      <translation>Association</translation>
    </message>
    <message>
      <source>— not allowed: choose —</source>
      <translation>— non permis : choisir —</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>Vérification…</translation>
    </message>
    <message>
      <source>Checking a field mapping</source>
      <translation>Vérification d'une association de champs</translation>
    </message>
    <message>
      <source>is required but empty</source>
      <translation>est obligatoire mais vide</translation>
    </message>
    <message>
      <source>no coordinates: choose the coordinate columns in step 2</source>
      <translation>aucune coordonnée : choisissez les colonnes de coordonnées à l'étape 2</translation>
    </message>
    <message>
      <source>coordinates that are not numbers</source>
      <translation>coordonnées qui ne sont pas des nombres</translation>
    </message>
    <message>
      <source>records without coordinates</source>
      <translation>enregistrements sans coordonnées</translation>
    </message>
    <message>
      <source>as saved</source>
      <translation>telle qu'enregistrée</translation>
    </message>
    <message>
      <source>Remove source</source>
      <translation>Retirer la source</translation>
    </message>
    <message>
      <source>Edit source</source>
      <translation>Modifier la source</translation>
    </message>
    <message>
      <source>Add a source</source>
      <translation>Ajouter une source</translation>
    </message>
    <message>
      <source>Paste an address or choose a file first.</source>
      <translation>Collez d'abord une adresse ou choisissez un fichier.</translation>
    </message>
    <message>
      <source>A data file</source>
      <translation>Un fichier de données</translation>
    </message>
    <message>
      <source>An ArcGIS REST service</source>
      <translation>Un service ArcGIS REST</translation>
    </message>
    <message>
      <source>An OGC API Features service</source>
      <translation>Un service OGC API Features</translation>
    </message>
    <message>
      <source>A WFS service</source>
      <translation>Un service WFS</translation>
    </message>
    <message>
      <source>A CKAN dataset</source>
      <translation>Un jeu de données CKAN</translation>
    </message>
    <message>
      <source>{} offering {} tables</source>
      <translation>{} offrant {} tables</translation>
    </message>
    <message>
      <source>{} offering {} layers</source>
      <translation>{} offrant {} couches</translation>
    </message>
    <message>
      <source>{} offering {} collections</source>
      <translation>{} offrant {} collections</translation>
    </message>
    <message>
      <source>{} offering {} feature types</source>
      <translation>{} offrant {} types d'entités</translation>
    </message>
    <message>
      <source>{} offering {} resources</source>
      <translation>{} offrant {} ressources</translation>
    </message>
    <message>
      <source>Choose the one to load:</source>
      <translation>Choisissez celle à charger :</translation>
    </message>
    <message>
      <source>X / longitude</source>
      <translation>X / longitude</translation>
    </message>
    <message>
      <source>Y / latitude</source>
      <translation>Y / latitude</translation>
    </message>
    <message>
      <source>Comma</source>
      <translation>Virgule</translation>
    </message>
    <message>
      <source>Semicolon</source>
      <translation>Point-virgule</translation>
    </message>
    <message>
      <source>Tab</source>
      <translation>Tabulation</translation>
    </message>
    <message>
      <source>Vertical bar</source>
      <translation>Barre verticale</translation>
    </message>
    <message>
      <source>Encoding</source>
      <translation>Encodage</translation>
    </message>
    <message>
      <source>Delimiter</source>
      <translation>Séparateur</translation>
    </message>
    <message>
      <source>{} records; the first {} are shown.</source>
      <translation>{} enregistrements; les {} premiers sont affichés.</translation>
    </message>
    <message>
      <source>commas</source>
      <translation>des virgules</translation>
    </message>
    <message>
      <source>semicolons</source>
      <translation>des points-virgules</translation>
    </message>
    <message>
      <source>tabs</source>
      <translation>des tabulations</translation>
    </message>
    <message>
      <source>vertical bars</source>
      <translation>des barres verticales</translation>
    </message>
    <message>
      <source>declared by the source</source>
      <translation>déclaré par la source</translation>
    </message>
    <message>
      <source>Your own catalogue: a copy of the sample one (which a plugin update would replace)</source>
      <translation>Votre propre catalogue : une copie de celui de l'échantillon (qu'une mise à jour de l'extension remplacerait)</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Champ</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>Value or options</source>
      <translation>Valeur ou options</translation>
    </message>
    <message>
      <source>First record</source>
      <translation>Premier enregistrement</translation>
    </message>
    <message>
      <source>Value in the source</source>
      <translation>Valeur dans la source</translation>
    </message>
    <message>
      <source>Records</source>
      <translation>Enregistrements</translation>
    </message>
    <message>
      <source>Allowed code</source>
      <translation>Code permis</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>Problème</translation>
    </message>
    <message>
      <source>Rows</source>
      <translation>Lignes</translation>
    </message>
    <message>
      <source>{} of {} values are codes or mapped (below)</source>
      <translation>{} valeurs sur {} sont des codes ou associées (ci-dessous)</translation>
    </message>
    <message>
      <source>Value maps: choose a coded field read from a column.</source>
      <translation>Tables de valeurs : choisissez un champ codé lu dans une colonne.</translation>
    </message>
    <message>
      <source>One problem: the source can be saved once it is solved.</source>
      <translation>Un problème : la source pourra être enregistrée une fois qu'il sera réglé.</translation>
    </message>
    <message>
      <source>Remove '{}' from the catalogue and delete its {} points from the store?</source>
      <translation>Retirer « {} » du catalogue et supprimer ses {} points du dépôt?</translation>
    </message>
    <message>
      <source>Asking {}…</source>
      <translation>Interrogation de {}…</translation>
    </message>
    <message>
      <source>Reading {}…</source>
      <translation>Lecture de {}…</translation>
    </message>
    <message>
      <source>— the source's own geometry —</source>
      <translation>— la géométrie de la source —</translation>
    </message>
    <message>
      <source>guessed from the coordinates</source>
      <translation>deviné d'après les coordonnées</translation>
    </message>
    <message>
      <source>none declared</source>
      <translation>aucun déclaré</translation>
    </message>
    <message>
      <source>The catalogue used here is shared ({}): export the source instead</source>
      <translation>Le catalogue utilisé ici est partagé ({}) : exportez plutôt la source</translation>
    </message>
    <message>
      <source>— not mapped —</source>
      <translation>— non associé —</translation>
    </message>
    <message>
      <source>Fixed value</source>
      <translation>Valeur fixe</translation>
    </message>
    <message>
      <source>Columns joined</source>
      <translation>Colonnes jointes</translation>
    </message>
    <message>
      <source>Record number (@row)</source>
      <translation>Numéro d'enregistrement (@row)</translation>
    </message>
    <message>
      <source>Feature id (@id)</source>
      <translation>Identifiant d'entité (@id)</translation>
    </message>
    <message>
      <source>Values of {} in the source, and the allowed code each means:</source>
      <translation>Valeurs de « {} » dans la source, et le code permis que chacune signifie :</translation>
    </message>
    <message>
      <source>reads column '{}', which the source does not have</source>
      <translation>lit la colonne « {} », que la source n'a pas</translation>
    </message>
    <message>
      <source>has values that are not allowed codes: {} (choose a code for each below)</source>
      <translation>a des valeurs qui ne sont pas des codes permis : {} (choisissez un code pour chacune ci-dessous)</translation>
    </message>
    <message>
      <source>is not a date like 2024-03-31: {}</source>
      <translation>n'est pas une date comme 2024-03-31 : {}</translation>
    </message>
    <message>
      <source>record ids are repeated: {}</source>
      <translation>identifiants d'enregistrement répétés : {}</translation>
    </message>
    <message>
      <source>outside Canada once read as {}: check the CRS in step 2</source>
      <translation>hors du Canada une fois lues en {} : vérifiez le SCR à l'étape 2</translation>
    </message>
    <message>
      <source>the CRS cannot be used: {}</source>
      <translation>le SCR ne peut pas être utilisé : {}</translation>
    </message>
    <message>
      <source>Every record maps: ready to save.</source>
      <translation>Tous les enregistrements s'associent : prêt à enregistrer.</translation>
    </message>
    <message>
      <source>Read as {} text separated by {}.</source>
      <translation>Lu comme du texte {} séparé par {}.</translation>
    </message>
    <message>
      <source>The catalogue used here ({})</source>
      <translation>Le catalogue utilisé ici ({})</translation>
    </message>
    <message>
      <source>list separator in the column (e.g. |)</source>
      <translation>séparateur de liste dans la colonne (p. ex. |)</translation>
    </message>
    <message>
      <source>Choose the file to export the source to.</source>
      <translation>Choisissez le fichier où exporter la source.</translation>
    </message>
    <message>
      <source>The columns to join, in this order, separated by '{}'</source>
      <translation>Les colonnes à joindre, dans cet ordre, séparées par « {} »</translation>
    </message>
    <message>
      <source>{} problems: the source can be saved once they are solved.</source>
      <translation>{} problèmes : la source pourra être enregistrée une fois qu'ils seront réglés.</translation>
    </message>
    <message>
      <source>{} (not in the source)</source>
      <translation>{} (absente de la source)</translation>
    </message>
  </context>
  <context>
    <name>CodeListFactory</name>
    <message>
      <source>Service point codes (multi-select)</source>
      <translation>Codes des points de service (choix multiple)</translation>
    </message>
  </context>
  <context>
    <name>CrsServicePoints</name>
    <message>
      <source>Accessibility score (2SFCA / E2SFCA)</source>
      <translation>Indice d'accessibilité (2SFCA / E2SFCA)</translation>
    </message>
    <message>
      <source>E2SFCA (step weights)</source>
      <translation>E2SFCA (poids par paliers)</translation>
    </message>
    <message>
      <source>E2SFCA (Gaussian decay)</source>
      <translation>E2SFCA (décroissance gaussienne)</translation>
    </message>
    <message>
      <source>Capacity field (empty = 1 per point)</source>
      <translation>Champ de capacité (vide = 1 par point)</translation>
    </message>
    <message>
      <source>For example counters, staff or opening hours per week.</source>
      <translation>Par exemple le nombre de comptoirs, le personnel ou les heures d'ouverture par semaine.</translation>
    </message>
    <message>
      <source>E2SFCA steps (km:weight; minutes:weight for travel time)</source>
      <translation>Paliers E2SFCA (km:poids; minutes:poids pour le temps de déplacement)</translation>
    </message>
    <message>
      <source>Distance zones and their weights, as in Luo and Qi (2009).</source>
      <translation>Zones de distance et leurs poids, comme chez Luo et Qi (2009).</translation>
    </message>
    <message>
      <source>all service points</source>
      <translation>tous les points de service</translation>
    </message>
    <message>
      <source>Catchment radius (metres)</source>
      <translation>Rayon de la zone de desserte (mètres)</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>Méthode</translation>
    </message>
    <message>
      <source>Gaussian sigma (metres)</source>
      <translation>Sigma gaussien (mètres)</translation>
    </message>
    <message>
      <source>Express scores per this many people</source>
      <translation>Exprimer les indices pour ce nombre de personnes</translation>
    </message>
    <message>
      <source>Accessibility</source>
      <translation>Accessibilité</translation>
    </message>
    <message>
      <source>Accessibility – {what}</source>
      <translation>Accessibilité – {what}</translation>
    </message>
    <message>
      <source>The Gaussian decay is set in metres: with travel time, use step weights (in minutes).</source>
      <translation>La décroissance gaussienne est définie en mètres : avec le temps de déplacement, utilisez des poids par paliers (en minutes).</translation>
    </message>
    <message>
      <source>Add a source to a catalogue</source>
      <translation>Ajouter une source à un catalogue</translation>
    </message>
    <message>
      <source>catalogue</source>
      <translation>catalogue</translation>
    </message>
    <message>
      <source>source</source>
      <translation>source</translation>
    </message>
    <message>
      <source>mapping</source>
      <translation>correspondance</translation>
    </message>
    <message>
      <source>Address (URL or file)</source>
      <translation>Adresse (URL ou fichier)</translation>
    </message>
    <message>
      <source>A CSV, GeoJSON or ZIP file (URL or path), an ArcGIS REST service or layer, an OGC API landing page or collection, a WFS GetCapabilities URL, or a CKAN dataset page or package_show URL.</source>
      <translation>Un fichier CSV, GeoJSON ou ZIP (URL ou chemin), un service ou une couche ArcGIS REST, une page d'accueil ou une collection OGC API, une URL GetCapabilities WFS, ou la page d'un jeu de données CKAN ou son URL package_show.</translation>
    </message>
    <message>
      <source>Layer, collection, feature type, resource or archive member</source>
      <translation>Couche, collection, type d'entité, ressource ou membre d'archive</translation>
    </message>
    <message>
      <source>Its id or title, when the address offers several; the error lists them.</source>
      <translation>Son identifiant ou son titre, lorsque l'adresse en offre plusieurs ; le message d'erreur les énumère.</translation>
    </message>
    <message>
      <source>Catalogue to write (JSON)</source>
      <translation>Catalogue à écrire (JSON)</translation>
    </message>
    <message>
      <source>The source is added to this catalogue (created if missing), its mapping in mappings/&lt;id&gt;.json beside it.</source>
      <translation>La source est ajoutée à ce catalogue (créé s'il n'existe pas), sa correspondance dans mappings/&lt;id&gt;.json à côté.</translation>
    </message>
    <message>
      <source>Write a catalogue of this source only (for a shared catalogue)</source>
      <translation>Écrire un catalogue de cette seule source (pour un catalogue partagé)</translation>
    </message>
    <message>
      <source>The file then holds this one entry with its mapping inline, to send to the shared catalogue's maintainers; it is replaced if it exists.</source>
      <translation>Le fichier contient alors cette seule entrée, avec sa correspondance incluse, à envoyer aux responsables du catalogue partagé ; il est remplacé s'il existe.</translation>
    </message>
    <message>
      <source>Source id</source>
      <translation>Identifiant de la source</translation>
    </message>
    <message>
      <source>Letters, digits, '_', '.' or '-'; made from the title when empty.</source>
      <translation>Lettres, chiffres, « _ », « . » ou « - » ; tiré du titre s'il est vide.</translation>
    </message>
    <message>
      <source>Jurisdiction</source>
      <translation>Administration</translation>
    </message>
    <message>
      <source>CA for federal sources, a province or territory code (NB, BC…), or a 7-digit census subdivision code.</source>
      <translation>CA pour les sources fédérales, le code d'une province ou d'un territoire (NB, BC…), ou le code à 7 chiffres d'une subdivision de recensement.</translation>
    </message>
    <message>
      <source>Authentication</source>
      <translation>Authentification</translation>
    </message>
    <message>
      <source>A QGIS authentication configuration (Basic); its id goes in the catalogue, never the password.</source>
      <translation>Une configuration d'authentification QGIS (Basic) ; son identifiant va dans le catalogue, jamais le mot de passe.</translation>
    </message>
    <message>
      <source>CRS of the coordinate columns</source>
      <translation>SCR des colonnes de coordonnées</translation>
    </message>
    <message>
      <source>For sources that declare none (CSV columns); guessed from the coordinates when empty.</source>
      <translation>Pour les sources qui n'en déclarent pas (colonnes d'un CSV) ; déduit des coordonnées s'il est vide.</translation>
    </message>
    <message>
      <source>Text encoding</source>
      <translation>Encodage du texte</translation>
    </message>
    <message>
      <source>Only when a text file's bytes cannot tell (e.g. cp1252).</source>
      <translation>Seulement lorsque les octets d'un fichier texte ne permettent pas de le savoir (p. ex. cp1252).</translation>
    </message>
    <message>
      <source>Column delimiter</source>
      <translation>Séparateur de colonnes</translation>
    </message>
    <message>
      <source>Field rules (JSON)</source>
      <translation>Règles des champs (JSON)</translation>
    </message>
    <message>
      <source>Rules replacing the matched ones, as a mapping file writes them: {"organization": {"value": "Service BC"}, "name_en": {"column": "External Site"}, "geometry": {"x": "X", "y": "Y"}}; null leaves a field out.</source>
      <translation>Règles remplaçant celles trouvées, comme les écrit un fichier de correspondance : {"organization": {"value": "Service BC"}, "name_en": {"column": "External Site"}, "geometry": {"x": "X", "y": "Y"}} ; null laisse un champ de côté.</translation>
    </message>
    <message>
      <source>Title (English)</source>
      <translation>Titre (anglais)</translation>
    </message>
    <message>
      <source>Title (French)</source>
      <translation>Titre (français)</translation>
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
      <source>Order of government</source>
      <translation>Ordre de gouvernement</translation>
    </message>
    <message>
      <source>Refresh cadence</source>
      <translation>Fréquence de mise à jour</translation>
    </message>
    <message>
      <source>Replace the source if the catalogue has it</source>
      <translation>Remplacer la source si le catalogue l'a déjà</translation>
    </message>
    <message>
      <source>Catalogue written</source>
      <translation>Catalogue écrit</translation>
    </message>
    <message>
      <source>Field mapping (JSON)</source>
      <translation>Correspondance des champs (JSON)</translation>
    </message>
    <message>
      <source>Records checked</source>
      <translation>Enregistrements vérifiés</translation>
    </message>
    <message>
      <source>The field rules must be a JSON object (field -&gt; rule).</source>
      <translation>Les règles des champs doivent être un objet JSON (champ -&gt; règle).</translation>
    </message>
    <message>
      <source>From the file</source>
      <translation>Selon le fichier</translation>
    </message>
    <message>
      <source>Comma</source>
      <translation>Virgule</translation>
    </message>
    <message>
      <source>Semicolon</source>
      <translation>Point-virgule</translation>
    </message>
    <message>
      <source>Tab</source>
      <translation>Tabulation</translation>
    </message>
    <message>
      <source>Vertical bar</source>
      <translation>Barre verticale</translation>
    </message>
    <message>
      <source>Reading {}…</source>
      <translation>Lecture de {}…</translation>
    </message>
    <message>
      <source>{} recognised; loading {} ({} records).</source>
      <translation>{} reconnu ; chargement de {} ({} enregistrements).</translation>
    </message>
    <message>
      <source>Field mapping: {}</source>
      <translation>Correspondance des champs : {}</translation>
    </message>
    <message>
      <source>Source '{}' written to {}.</source>
      <translation>Source « {} » écrite dans {}.</translation>
    </message>
    <message>
      <source>The field rules are not valid JSON: {}</source>
      <translation>Les règles des champs ne sont pas du JSON valide : {}</translation>
    </message>
    <message>
      <source>The source was not added: the load would stop at these problems (give rules in Field rules to fix them):
{}</source>
      <translation>La source n'a pas été ajoutée : le chargement s'arrêterait à ces problèmes (donnez des règles dans Règles des champs pour les corriger) :
{}</translation>
    </message>
    <message>
      <source>
…and {} more.</source>
      <translation>
…et {} de plus.</translation>
    </message>
    <message>
      <source>Review and apply a submission</source>
      <translation>Réviser et appliquer une soumission</translation>
    </message>
    <message>
      <source>Decisions, conflict by conflict (JSON, from the review dialog)</source>
      <translation>Décisions, conflit par conflit (JSON, de la boîte de dialogue de révision)</translation>
    </message>
    <message>
      <source>{"update:12:name_en": {"choice": "store" | "submission" | "value", "value": …}}; conflicts without a decision follow 'Conflicting fields'.</source>
      <translation>{"update:12:name_en": {"choice": "store" | "submission" | "value", "value": …}}; les conflits sans décision suivent « Champs en conflit ».</translation>
    </message>
    <message>
      <source>Submission id</source>
      <translation>Numéro de soumission</translation>
    </message>
    <message>
      <source>…or a package from the shared folder</source>
      <translation>…ou un paquet du dossier partagé</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Conflicting fields</source>
      <translation>Champs en conflit</translation>
    </message>
    <message>
      <source>Reason (for a rejection)</source>
      <translation>Motif (d'un refus)</translation>
    </message>
    <message>
      <source>Review report</source>
      <translation>Rapport de révision</translation>
    </message>
    <message>
      <source>Changes written</source>
      <translation>Modifications écrites</translation>
    </message>
    <message>
      <source>Store version</source>
      <translation>Version du dépôt</translation>
    </message>
    <message>
      <source>Contributor (registered role)</source>
      <translation>Contributeur (rôle enregistré)</translation>
    </message>
    <message>
      <source>Give either a submission id or a package file (one of them).</source>
      <translation>Donnez un numéro de soumission ou un fichier de paquet (l'un des deux).</translation>
    </message>
    <message>
      <source>Review only (write nothing)</source>
      <translation>Réviser seulement (ne rien écrire)</translation>
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
      <source>Stop: apply nothing while there are conflicts</source>
      <translation>Arrêter : ne rien appliquer tant qu'il y a des conflits</translation>
    </message>
    <message>
      <source>Keep the shared store's values</source>
      <translation>Garder les valeurs du dépôt partagé</translation>
    </message>
    <message>
      <source>Take the submission's values</source>
      <translation>Prendre les valeurs de la soumission</translation>
    </message>
    <message>
      <source>Cancelled: nothing was applied (the transaction was rolled back).</source>
      <translation>Annulé : rien n'a été appliqué (la transaction a été annulée).</translation>
    </message>
    <message>
      <source>Submission {} rejected.</source>
      <translation>Soumission {} refusée.</translation>
    </message>
    <message>
      <source>Proximity and overlap</source>
      <translation>Proximité et chevauchement</translation>
    </message>
    <message>
      <source>Sources</source>
      <translation>Sources</translation>
    </message>
    <message>
      <source>Contribute and review</source>
      <translation>Contribution et révision</translation>
    </message>
    <message>
      <source>service points</source>
      <translation>points de service</translation>
    </message>
    <message>
      <source>Service points</source>
      <translation>Points de service</translation>
    </message>
    <message>
      <source>A layer in the common schema, as loaded by the plugin.</source>
      <translation>Une couche du schéma commun, telle que l'extension la charge.</translation>
    </message>
    <message>
      <source>CRS in which distances are measured (metres)</source>
      <translation>SCR de mesure des distances (mètres)</translation>
    </message>
    <message>
      <source>A projected CRS in metres. Statistics Canada Lambert (EPSG:3347) by default.</source>
      <translation>Un SCR projeté en mètres. Lambert de Statistique Canada (EPSG:3347) par défaut.</translation>
    </message>
    <message>
      <source>Only points offering one of these service codes (comma-separated)</source>
      <translation>Seulement les points offrant l'un de ces codes de service (séparés par des virgules)</translation>
    </message>
    <message>
      <source>Service codes such as passport, employment_insurance.</source>
      <translation>Codes de service comme passport, employment_insurance.</translation>
    </message>
    <message>
      <source>Census areas (polygons or centroids) with population</source>
      <translation>Aires de recensement (polygones ou centroïdes) avec population</translation>
    </message>
    <message>
      <source>Dissemination areas or blocks; polygons are measured from their population-weighted representative point when the layer has one (crs:importcensus), else from their centroid.</source>
      <translation>Aires ou îlots de diffusion; les polygones sont mesurés à partir de leur point représentatif pondéré par la population quand la couche en a un (crs:importcensus), sinon à partir de leur centroïde.</translation>
    </message>
    <message>
      <source>Population field</source>
      <translation>Champ de population</translation>
    </message>
    <message>
      <source>Any numeric field: the total population or a characteristic (people aged 65 and over, people in low income, Indigenous people…), including fields joined in QGIS. A percentage (such as the prevalence of low income) is turned into people with its universe.</source>
      <translation>Tout champ numérique : la population totale ou une caractéristique (personnes de 65 ans et plus, personnes à faible revenu, Autochtones…), y compris les champs joints dans QGIS. Un pourcentage (comme la prévalence du faible revenu) est converti en personnes à l'aide de son univers.</translation>
    </message>
    <message>
      <source>Universe of the population field (optional)</source>
      <translation>Univers du champ de population (facultatif)</translation>
    </message>
    <message>
      <source>The population the chosen field is a part of (all people for 'people aged 65 and over'). Left empty, the census catalogue's universe is used when the layer has it.</source>
      <translation>La population dont le champ choisi fait partie (toutes les personnes pour « personnes de 65 ans et plus »). Laissé vide, l'univers du catalogue du recensement est utilisé quand la couche l'a.</translation>
    </message>
    <message>
      <source>Service points used</source>
      <translation>Points de service utilisés</translation>
    </message>
    <message>
      <source>Only these orders of government</source>
      <translation>Seulement ces ordres de gouvernement</translation>
    </message>
    <message>
      <source>Only these channels</source>
      <translation>Seulement ces modes de prestation</translation>
    </message>
    <message>
      <source>Only these point types</source>
      <translation>Seulement ces types de point</translation>
    </message>
    <message>
      <source>Leave empty to use every service point.</source>
      <translation>Laissez vide pour utiliser tous les points de service.</translation>
    </message>
    <message>
      <source>Only points operated by these jurisdictions</source>
      <translation>Seulement les points relevant de ces administrations</translation>
    </message>
    <message>
      <source>The government responsible for the point (its 'jurisdiction' field): British Columbia keeps BC's own offices, not the federal or municipal ones in BC.</source>
      <translation>Le gouvernement responsable du point (son champ « jurisdiction ») : Colombie-Britannique garde les bureaux de la province elle-même, pas les bureaux fédéraux ou municipaux situés en Colombie-Britannique.</translation>
    </message>
    <message>
      <source>Only points located in these provinces/territories</source>
      <translation>Seulement les points situés dans ces provinces et territoires</translation>
    </message>
    <message>
      <source>Where the point stands (its 'province' field, which validation checks against its position), whoever operates it: British Columbia keeps every office in BC.</source>
      <translation>Là où se trouve le point (son champ « province », que la validation vérifie par rapport à sa position), quel que soit le gouvernement responsable : Colombie-Britannique garde tous les bureaux situés en Colombie-Britannique.</translation>
    </message>
    <message>
      <source>{} of {} service points used: {}.</source>
      <translation>{} points de service utilisés sur {} : {}.</translation>
    </message>
    <message>
      <source>Summarise by (jurisdiction field)</source>
      <translation>Résumer par (champ d'administration)</translation>
    </message>
    <message>
      <source>Field naming the province/territory or region of each area.</source>
      <translation>Champ qui nomme la province, le territoire ou la région de chaque aire.</translation>
    </message>
    <message>
      <source>layer filter {}</source>
      <translation>filtre de couche {}</translation>
    </message>
    <message>
      <source>{} selected features</source>
      <translation>{} entités sélectionnées</translation>
    </message>
    <message>
      <source>Distances need a projected CRS in metres, such as EPSG:3347 ({} is not).</source>
      <translation>Les distances exigent un SCR projeté en mètres, comme EPSG:3347 ({} ne l'est pas).</translation>
    </message>
    <message>
      <source>{} call centres and online services with a position are left out: distances are measured to points people go to.</source>
      <translation>{} centres d'appels et services en ligne ayant une position sont laissés de côté : les distances se mesurent aux points où les gens se rendent.</translation>
    </message>
    <message>
      <source>{} call centres and digital services count by their service region.</source>
      <translation>{} centres d'appels et services numériques comptent par leur région desservie.</translation>
    </message>
    <message>
      <source>The input layer changed or stopped answering while the results were written ({} of {} features read back); nothing is complete. Run the analysis again.</source>
      <translation>La couche d'entrée a changé ou a cessé de répondre pendant l'écriture des résultats ({} entités relues sur {}); rien n'est complet. Relancez l'analyse.</translation>
    </message>
    <message>
      <source>Output '{name}' refused some of its rows, so it is incomplete: {error}</source>
      <translation>La sortie « {name} » a refusé certaines de ses lignes ; elle est donc incomplète : {error}</translation>
    </message>
    <message>
      <source>The output has {} features: written without a spatial index to save time; create one from the layer properties if you need it.</source>
      <translation>La sortie compte {} entités : écrite sans index spatial pour gagner du temps; créez-en un dans les propriétés de la couche au besoin.</translation>
    </message>
    <message>
      <source>The census layer has no population field '{}': choose the field that holds the population.</source>
      <translation>La couche du recensement n'a pas de champ de population « {} » : choisissez le champ qui contient la population.</translation>
    </message>
    <message>
      <source>The census layer has no universe field '{}'.</source>
      <translation>La couche du recensement n'a pas de champ d'univers « {} ».</translation>
    </message>
    <message>
      <source>'{}' is a percentage: give the universe field it is a percentage of, so that it can be turned into people.</source>
      <translation>« {} » est un pourcentage : indiquez le champ d'univers dont il est le pourcentage, pour qu'il soit converti en personnes.</translation>
    </message>
    <message>
      <source>Population field '{}' holds values that are not numbers ({}): those areas count as unknown.</source>
      <translation>Le champ de population « {} » contient des valeurs non numériques ({}) : ces aires comptent comme inconnues.</translation>
    </message>
    <message>
      <source>'{}' is a percentage of '{}': counted as that share of its people.</source>
      <translation>« {} » est un pourcentage de « {} » : compté comme cette part de ses personnes.</translation>
    </message>
    <message>
      <source>no reason given</source>
      <translation>aucune raison donnée</translation>
    </message>
    <message>
      <source>The service region of point {} cannot be read: {}.</source>
      <translation>La région desservie du point {} est illisible : {}.</translation>
    </message>
    <message>
      <source>Build a submission package</source>
      <translation>Préparer un paquet de soumission</translation>
    </message>
    <message>
      <source>My signing key (QGIS authentication configuration)</source>
      <translation>Ma clé de signature (configuration d'authentification QGIS)</translation>
    </message>
    <message>
      <source>The key pair the plugin made for you (Contribute tab › Create my signing key); its public key is registered in the shared store. Packages sent through a shared folder must be signed.</source>
      <translation>La paire de clés que l'extension a créée pour vous (onglet Contribuer › Créer ma clé de signature); sa clé publique est enregistrée dans le dépôt partagé. Les paquets envoyés par un dossier partagé doivent être signés.</translation>
    </message>
    <message>
      <source>Checkout GeoPackage</source>
      <translation>GeoPackage d'extrait</translation>
    </message>
    <message>
      <source>Contributor (name, e-mail)</source>
      <translation>Contributeur (nom, courriel)</translation>
    </message>
    <message>
      <source>Note to the reviewers</source>
      <translation>Note aux réviseurs</translation>
    </message>
    <message>
      <source>Submission package</source>
      <translation>Paquet de soumission</translation>
    </message>
    <message>
      <source>Points added</source>
      <translation>Points ajoutés</translation>
    </message>
    <message>
      <source>Points changed</source>
      <translation>Points modifiés</translation>
    </message>
    <message>
      <source>Points deleted</source>
      <translation>Points supprimés</translation>
    </message>
    <message>
      <source>Partnerships added</source>
      <translation>Partenariats ajoutés</translation>
    </message>
    <message>
      <source>Partnerships changed</source>
      <translation>Partenariats modifiés</translation>
    </message>
    <message>
      <source>Partnerships deleted</source>
      <translation>Partenariats supprimés</translation>
    </message>
    <message>
      <source>Say who you are (Contributor): the reviewers will answer you.</source>
      <translation>Indiquez qui vous êtes (Contributeur) : les réviseurs vous répondront.</translation>
    </message>
    <message>
      <source>The package is not signed: it can be submitted to the shared store with your database login, but not through a shared folder.</source>
      <translation>Le paquet n'est pas signé : il peut être soumis au dépôt partagé avec votre compte de base de données, mais pas par un dossier partagé.</translation>
    </message>
    <message>
      <source>Package {}: {} added, {} changed, {} deleted.</source>
      <translation>Paquet {} : {} ajoutés, {} modifiés, {} supprimés.</translation>
    </message>
    <message>
      <source>The checkout has {count} error(s), for example {point}: {message} Fix them (run 'Validate service points' to list them all), then build again.</source>
      <translation>L'extrait a {count} erreur(s), par exemple {point} : {message} Corrigez-les (lancez « Valider des points de service » pour toutes les lister), puis préparez de nouveau le paquet.</translation>
    </message>
    <message>
      <source>Partnerships: {} added, {} changed, {} deleted.</source>
      <translation>Partenariats : {} ajoutés, {} modifiés, {} supprimés.</translation>
    </message>
    <message>
      <source>a new point</source>
      <translation>un nouveau point</translation>
    </message>
    <message>
      <source>Catchment overlap of two networks</source>
      <translation>Chevauchement des zones de desserte de deux réseaux</translation>
    </message>
    <message>
      <source>Within a distance</source>
      <translation>À moins d'une distance</translation>
    </message>
    <message>
      <source>Nearest point (Voronoi)</source>
      <translation>Point le plus proche (Voronoï)</translation>
    </message>
    <message>
      <source>Network A: orders of government</source>
      <translation>Réseau A : ordres de gouvernement</translation>
    </message>
    <message>
      <source>Network B: orders of government</source>
      <translation>Réseau B : ordres de gouvernement</translation>
    </message>
    <message>
      <source>Catchments</source>
      <translation>Zones de desserte</translation>
    </message>
    <message>
      <source>Catchment distance (metres)</source>
      <translation>Distance de desserte (mètres)</translation>
    </message>
    <message>
      <source>Areas by network served</source>
      <translation>Aires selon le réseau qui les dessert</translation>
    </message>
    <message>
      <source>Catchment overlap zones</source>
      <translation>Zones de chevauchement des dessertes</translation>
    </message>
    <message>
      <source>Choose at least one order of government for each network.</source>
      <translation>Choisissez au moins un ordre de gouvernement pour chaque réseau.</translation>
    </message>
    <message>
      <source>Network A: {} points; network B: {} points.</source>
      <translation>Réseau A : {} points; réseau B : {} points.</translation>
    </message>
    <message>
      <source>The census layer is empty.</source>
      <translation>La couche du recensement est vide.</translation>
    </message>
    <message>
      <source>Population served by {}: {:,.0f}</source>
      <translation>Population desservie par {} : {:,.0f}</translation>
    </message>
    <message>
      <source>Check out service points</source>
      <translation>Extraire des points de service</translation>
    </message>
    <message>
      <source>Jurisdiction (province code, CA, or municipality code)</source>
      <translation>Administration (code de province, CA ou code de municipalité)</translation>
    </message>
    <message>
      <source>Organization</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <source>Points checked out</source>
      <translation>Points extraits</translation>
    </message>
    <message>
      <source>Partnerships checked out</source>
      <translation>Partenariats extraits</translation>
    </message>
    <message>
      <source>Base version</source>
      <translation>Version de base</translation>
    </message>
    <message>
      <source>The shared store has no points for jurisdiction '{jurisdiction}' and organization '{organisation}'.</source>
      <translation>Le dépôt partagé n'a aucun point pour l'administration « {jurisdiction} » et l'organisation « {organisation} ».</translation>
    </message>
    <message>
      <source>The shared store has no points for jurisdiction '{jurisdiction}'.</source>
      <translation>Le dépôt partagé n'a aucun point pour l'administration « {jurisdiction} ».</translation>
    </message>
    <message>
      <source>{} points of {} and {} partnerships checked out at store version {}.</source>
      <translation>{} points de {} et {} partenariats extraits à la version {} du dépôt.</translation>
    </message>
    <message>
      <source>Checkout {}</source>
      <translation>Extrait {}</translation>
    </message>
    <message>
      <source>The attribute form could not be saved in the GeoPackage: {}</source>
      <translation>Le formulaire d'attributs n'a pas pu être enregistré dans le GeoPackage : {}</translation>
    </message>
    <message>
      <source>Co-location and partnership candidates</source>
      <translation>Candidats à la colocalisation et au partenariat</translation>
    </message>
    <message>
      <source>Within (metres)</source>
      <translation>À moins de (mètres)</translation>
    </message>
    <message>
      <source>Pairs must differ in</source>
      <translation>Les paires doivent différer par</translation>
    </message>
    <message>
      <source>Co-location candidates</source>
      <translation>Candidats à la colocalisation</translation>
    </message>
    <message>
      <source>{} candidate pairs in {} clusters.</source>
      <translation>{} paires candidates dans {} grappes.</translation>
    </message>
    <message>
      <source>Co-location candidates within {distance}</source>
      <translation>Candidats à la colocalisation à moins de {distance}</translation>
    </message>
    <message>
      <source>{} of the pairs already have a partnership.</source>
      <translation>{} des paires ont déjà un partenariat.</translation>
    </message>
    <message>
      <source>Co-location planner (which sites to add)</source>
      <translation>Planificateur de colocalisation (quels sites ajouter)</translation>
    </message>
    <message>
      <source>location-allocation</source>
      <translation>localisation-affectation</translation>
    </message>
    <message>
      <source>maximal coverage</source>
      <translation>couverture maximale</translation>
    </message>
    <message>
      <source>set covering</source>
      <translation>recouvrement</translation>
    </message>
    <message>
      <source>partnership</source>
      <translation>partenariat</translation>
    </message>
    <message>
      <source>Maximal coverage: the most people within reach</source>
      <translation>Couverture maximale : le plus de personnes à portée</translation>
    </message>
    <message>
      <source>p-median: the shortest population-weighted distance</source>
      <translation>p-médiane : la plus courte distance pondérée par la population</translation>
    </message>
    <message>
      <source>Set covering: the fewest sites that reach a target share</source>
      <translation>Recouvrement : le moins de sites qui atteignent une part cible</translation>
    </message>
    <message>
      <source>Objective</source>
      <translation>Objectif</translation>
    </message>
    <message>
      <source>Number of sites to add</source>
      <translation>Nombre de sites à ajouter</translation>
    </message>
    <message>
      <source>For maximal coverage and p-median, unless a budget is given.</source>
      <translation>Pour la couverture maximale et la p-médiane, sauf si un budget est donné.</translation>
    </message>
    <message>
      <source>Coverage target (% of the population), set covering</source>
      <translation>Cible de couverture (% de la population), recouvrement</translation>
    </message>
    <message>
      <source>Budget (0: limit by the number of sites)</source>
      <translation>Budget (0 : limiter par le nombre de sites)</translation>
    </message>
    <message>
      <source>Sites are added while their costs fit in the budget.</source>
      <translation>Des sites sont ajoutés tant que leurs coûts entrent dans le budget.</translation>
    </message>
    <message>
      <source>Cost field of the candidate sites (optional)</source>
      <translation>Champ de coût des sites candidats (facultatif)</translation>
    </message>
    <message>
      <source>Each site's cost; sites without a value cost the cost per site.</source>
      <translation>Le coût de chaque site; les sites sans valeur coûtent le coût par site.</translation>
    </message>
    <message>
      <source>Coverage distance (metres)</source>
      <translation>Distance de couverture (mètres)</translation>
    </message>
    <message>
      <source>People within this distance of an open point are covered (50 km: the federal in-person service standard).</source>
      <translation>Les personnes à moins de cette distance d'un point ouvert sont couvertes (50 km : la norme fédérale de service en personne).</translation>
    </message>
    <message>
      <source>Sites added</source>
      <translation>Sites ajoutés</translation>
    </message>
    <message>
      <source>Population within reach (%)</source>
      <translation>Population à portée (%)</translation>
    </message>
    <message>
      <source>Cost per site</source>
      <translation>Coût par site</translation>
    </message>
    <message>
      <source>Sites to add (in order)</source>
      <translation>Sites à ajouter (dans l'ordre)</translation>
    </message>
    <message>
      <source>Coverage curve</source>
      <translation>Courbe de couverture</translation>
    </message>
    <message>
      <source>Areas still uncovered</source>
      <translation>Aires encore non couvertes</translation>
    </message>
    <message>
      <source>Coverage curve chart</source>
      <translation>Graphique de la courbe de couverture</translation>
    </message>
    <message>
      <source>PNG images (*.png)</source>
      <translation>Images PNG (*.png)</translation>
    </message>
    <message>
      <source>Summary sentence</source>
      <translation>Phrase de synthèse</translation>
    </message>
    <message>
      <source>Population within reach before</source>
      <translation>Population à portée avant</translation>
    </message>
    <message>
      <source>Population within reach after</source>
      <translation>Population à portée après</translation>
    </message>
    <message>
      <source>Gap to the bound</source>
      <translation>Écart à la borne</translation>
    </message>
    <message>
      <source>The coverage distance must be greater than 0.</source>
      <translation>La distance de couverture doit être supérieure à 0.</translation>
    </message>
    <message>
      <source>No existing point passes the network's filters: sites are planned from scratch.</source>
      <translation>Aucun point existant ne passe les filtres du réseau : les sites sont planifiés à partir de zéro.</translation>
    </message>
    <message>
      <source>existing points only</source>
      <translation>points existants seulement</translation>
    </message>
    <message>
      <source>Population-weighted mean distance to the nearest point</source>
      <translation>Distance moyenne au point le plus proche, pondérée par la population</translation>
    </message>
    <message>
      <source>{} areas ({:,.0f} people) remain beyond reach.</source>
      <translation>{} aires ({:,.0f} personnes) restent hors de portée.</translation>
    </message>
    <message>
      <source>Population within {} of an open point</source>
      <translation>Population à moins de {} d'un point ouvert</translation>
    </message>
    <message>
      <source>target</source>
      <translation>cible</translation>
    </message>
    <message>
      <source>Greedy guarantee: at least 63.2 % (1 − 1/e) of the best possible; this choice is within {:.2%} of the LP bound.</source>
      <translation>Garantie de l'algorithme glouton : au moins 63,2 % (1 − 1/e) du meilleur possible; ce choix est à moins de {:.2%} de la borne PL.</translation>
    </message>
    <message>
      <source>Mean distance ({})</source>
      <translation>Distance moyenne ({})</translation>
    </message>
    <message>
      <source>Shared store (PostgreSQL connection)</source>
      <translation>Dépôt partagé (connexion PostgreSQL)</translation>
    </message>
    <message>
      <source>A PostgreSQL connection saved in QGIS; its password stays in QGIS's authentication database.</source>
      <translation>Une connexion PostgreSQL enregistrée dans QGIS; son mot de passe reste dans la base d'authentification de QGIS.</translation>
    </message>
    <message>
      <source>Population coverage within distances</source>
      <translation>Couverture de la population selon la distance</translation>
    </message>
    <message>
      <source>Distance thresholds (km; minutes for travel time)</source>
      <translation>Seuils de distance (km; minutes pour le temps de déplacement)</translation>
    </message>
    <message>
      <source>Comma-separated distances in kilometres (minutes when measuring travel time).</source>
      <translation>Distances en kilomètres séparées par des virgules (minutes pour le temps de déplacement).</translation>
    </message>
    <message>
      <source>Coverage per area</source>
      <translation>Couverture par aire</translation>
    </message>
    <message>
      <source>Coverage summary per jurisdiction</source>
      <translation>Résumé de la couverture par administration</translation>
    </message>
    <message>
      <source>Headlines</source>
      <translation>Faits saillants</translation>
    </message>
    <message>
      <source>Coverage – {what}</source>
      <translation>Couverture – {what}</translation>
    </message>
    <message>
      <source>Coverage summary – {what}</source>
      <translation>Résumé de la couverture – {what}</translation>
    </message>
    <message>
      <source>Likely duplicate points</source>
      <translation>Points probablement en double</translation>
    </message>
    <message>
      <source>Minimum score (0-1)</source>
      <translation>Score minimal (0-1)</translation>
    </message>
    <message>
      <source>Only pairs from different sources</source>
      <translation>Seulement les paires de sources différentes</translation>
    </message>
    <message>
      <source>Only pairs of the same order of government</source>
      <translation>Seulement les paires du même ordre de gouvernement</translation>
    </message>
    <message>
      <source>Likely duplicates</source>
      <translation>Doublons probables</translation>
    </message>
    <message>
      <source>Import census characteristics (Statistics Canada files)</source>
      <translation>Importer des caractéristiques du recensement (fichiers de Statistique Canada)</translation>
    </message>
    <message>
      <source>census</source>
      <translation>recensement</translation>
    </message>
    <message>
      <source>Statistics Canada</source>
      <translation>Statistique Canada</translation>
    </message>
    <message>
      <source>Census Profile</source>
      <translation>Profil du recensement</translation>
    </message>
    <message>
      <source>dissemination area</source>
      <translation>aire de diffusion</translation>
    </message>
    <message>
      <source>Boundary file (dissemination areas or blocks: ZIP, Shapefile or GeoPackage)</source>
      <translation>Fichier des limites (aires ou îlots de diffusion : ZIP, Shapefile ou GeoPackage)</translation>
    </message>
    <message>
      <source>As published, e.g. lda_000b21a_e.zip: it is read inside the ZIP.</source>
      <translation>Tel que publié, p. ex. lda_000b21a_e.zip : il est lu à l'intérieur du ZIP.</translation>
    </message>
    <message>
      <source>Census Profile CSV files (98-401-X2021006)</source>
      <translation>Fichiers CSV du Profil du recensement (98-401-X2021006)</translation>
    </message>
    <message>
      <source>The regional comprehensive files. Each file's Geo_starting_row file is found beside it and used to skip to the wanted areas.</source>
      <translation>Les fichiers complets régionaux. Le fichier Geo_starting_row de chacun est trouvé à côté de lui et sert à sauter aux aires voulues.</translation>
    </message>
    <message>
      <source>Geo_starting_row files (when not beside the profiles)</source>
      <translation>Fichiers Geo_starting_row (quand ils ne sont pas à côté des profils)</translation>
    </message>
    <message>
      <source>Census Profile web service answers (SDMX CSV)</source>
      <translation>Réponses du service Web du Profil du recensement (SDMX CSV)</translation>
    </message>
    <message>
      <source>Geographic Attribute File (92-151-X), for population-weighted points</source>
      <translation>Fichier des attributs géographiques (92-151-X), pour des points pondérés par la population</translation>
    </message>
    <message>
      <source>With it, each area is placed where its people live: at the population-weighted mean of its blocks (with the block boundary file below) or at its published representative point.</source>
      <translation>Avec lui, chaque aire est placée là où vivent ses habitants : à la moyenne de ses îlots pondérée par la population (avec le fichier des limites des îlots ci-dessous) ou à son point représentatif publié.</translation>
    </message>
    <message>
      <source>Dissemination block boundary file (for block-weighted points)</source>
      <translation>Fichier des limites des îlots de diffusion (pour des points pondérés par îlot)</translation>
    </message>
    <message>
      <source>Only these provinces/territories (codes such as NB, QC or 13, 24)</source>
      <translation>Seulement ces provinces et territoires (codes comme NB, QC ou 13, 24)</translation>
    </message>
    <message>
      <source>Characteristics (empty: all those of the catalogue)</source>
      <translation>Caractéristiques (vide : toutes celles du catalogue)</translation>
    </message>
    <message>
      <source>Census layer name</source>
      <translation>Nom de la couche du recensement</translation>
    </message>
    <message>
      <source>GeoPackage store</source>
      <translation>Dépôt GeoPackage</translation>
    </message>
    <message>
      <source>Census layer</source>
      <translation>Couche du recensement</translation>
    </message>
    <message>
      <source>Areas</source>
      <translation>Aires</translation>
    </message>
    <message>
      <source>Areas joined to the profile</source>
      <translation>Aires jointes au profil</translation>
    </message>
    <message>
      <source>What was joined and what is NULL</source>
      <translation>Ce qui a été joint et ce qui est NULL</translation>
    </message>
    <message>
      <source>No such file: {}</source>
      <translation>Fichier introuvable : {}</translation>
    </message>
    <message>
      <source>'{}' is not a province or territory code (NB, QC… or 13, 24…).</source>
      <translation>« {} » n'est pas un code de province ou de territoire (NB, QC… ou 13, 24…).</translation>
    </message>
    <message>
      <source>The layer has no valid coordinate reference system; set its CRS in the layer properties before running the analysis.</source>
      <translation>La couche n'a pas de système de coordonnées de référence valide; définissez son SCR dans les propriétés de la couche avant de lancer l'analyse.</translation>
    </message>
    <message>
      <source>Canceled while reading the layer.</source>
      <translation>Annulé pendant la lecture de la couche.</translation>
    </message>
    <message>
      <source>Layer '{layer}' could not be read: its data source did not open ({source}). Check that the file or database is available and not locked by another program, then run the analysis again.</source>
      <translation>La couche « {layer} » n'a pas pu être lue : sa source de données ne s'est pas ouverte ({source}). Vérifiez que le fichier ou la base de données est disponible et n'est pas verrouillé par un autre programme, puis relancez l'analyse.</translation>
    </message>
    <message>
      <source>Layer '{layer}' has no field {fields}.</source>
      <translation>La couche « {layer} » n'a pas de champ {fields}.</translation>
    </message>
    <message>
      <source>Coordinates could not be transformed from {source} to {destination}: {error}. Check that the layer's CRS is the one its coordinates are in.</source>
      <translation>Les coordonnées n'ont pas pu être transformées de {source} vers {destination} : {error}. Vérifiez que le SCR de la couche est bien celui de ses coordonnées.</translation>
    </message>
    <message>
      <source>Only {read} of the {selected} selected features of layer '{layer}' could be read. Check that its data source is still available and not being written by another program, select the features again and run the analysis again.</source>
      <translation>Seulement {read} des {selected} entités sélectionnées de la couche « {layer} » ont pu être lues. Vérifiez que sa source de données est toujours disponible et qu'aucun autre programme ne l'écrit, sélectionnez de nouveau les entités et relancez l'analyse.</translation>
    </message>
    <message>
      <source>Load service point sources</source>
      <translation>Charger les sources de points de service</translation>
    </message>
    <message>
      <source>Source catalogue (JSON)</source>
      <translation>Catalogue des sources (JSON)</translation>
    </message>
    <message>
      <source>Leave empty for the sample catalogue shipped with the plugin.</source>
      <translation>Laissez vide pour le catalogue d'exemple fourni avec l'extension.</translation>
    </message>
    <message>
      <source>Source ids (comma-separated; empty = all)</source>
      <translation>Identifiants des sources (séparés par des virgules; vide = toutes)</translation>
    </message>
    <message>
      <source>Points loaded</source>
      <translation>Points chargés</translation>
    </message>
    <message>
      <source>Sources that failed</source>
      <translation>Sources en échec</translation>
    </message>
    <message>
      <source>Sources loaded</source>
      <translation>Sources chargées</translation>
    </message>
    <message>
      <source>Points added, changed or removed</source>
      <translation>Points ajoutés, modifiés ou retirés</translation>
    </message>
    <message>
      <source>The catalogue lists no sources.</source>
      <translation>Le catalogue ne liste aucune source.</translation>
    </message>
    <message>
      <source>Cancelled: sources already loaded are kept, the others untouched.</source>
      <translation>Annulé : les sources déjà chargées sont conservées, les autres restent intactes.</translation>
    </message>
    <message>
      <source>Loading {} ({})…</source>
      <translation>Chargement de {} ({})…</translation>
    </message>
    <message>
      <source>No source could be loaded: {}.</source>
      <translation>Aucune source n'a pu être chargée : {}.</translation>
    </message>
    <message>
      <source>{}: {}</source>
      <translation>{} : {}</translation>
    </message>
    <message>
      <source>Nearest service point</source>
      <translation>Point de service le plus proche</translation>
    </message>
    <message>
      <source>Demand points or areas (areas use their centroid)</source>
      <translation>Points ou aires de demande (les aires utilisent leur centroïde)</translation>
    </message>
    <message>
      <source>Where people are: census dissemination areas, blocks or addresses.</source>
      <translation>Là où sont les gens : aires ou îlots de diffusion du recensement, ou adresses.</translation>
    </message>
    <message>
      <source>Service point name field</source>
      <translation>Champ du nom des points de service</translation>
    </message>
    <message>
      <source>Empty: the name in the interface language (name_fr in French, name_en otherwise), the other where a point has none.</source>
      <translation>Vide : le nom dans la langue de l'interface (name_fr en français, name_en sinon), l'autre lorsqu'un point n'en a pas.</translation>
    </message>
    <message>
      <source>Number of nearest points (k)</source>
      <translation>Nombre de points les plus proches (k)</translation>
    </message>
    <message>
      <source>With k &gt; 1 each demand feature gets k output rows, ranked by distance.</source>
      <translation>Avec k &gt; 1, chaque entité de demande obtient k lignes en sortie, classées par distance.</translation>
    </message>
    <message>
      <source>Also the nearest point of each order of government</source>
      <translation>Aussi le point le plus proche de chaque ordre de gouvernement</translation>
    </message>
    <message>
      <source>Adds nearest_&lt;order&gt;_id and nearest_&lt;order&gt;_m columns for every order of government.</source>
      <translation>Ajoute les colonnes nearest_&lt;ordre&gt;_id et nearest_&lt;ordre&gt;_m pour chaque ordre de gouvernement.</translation>
    </message>
    <message>
      <source>Lines to the nearest point</source>
      <translation>Lignes vers le point le plus proche</translation>
    </message>
    <message>
      <source>A line from each area (its point) to its nearest service point, with the area's fields, the point's id and name and the distance, as QGIS's 'Distance to nearest hub (line to hub)'.</source>
      <translation>Une ligne de chaque aire (son point) à son point de service le plus proche, avec les champs de l'aire, l'identifiant et le nom du point et la distance, comme « Distance au plus proche centre (ligne vers le centre) » de QGIS.</translation>
    </message>
    <message>
      <source>Service point id field</source>
      <translation>Champ identifiant des points de service</translation>
    </message>
    <message>
      <source>Maximum distance (metres, 0 = no limit)</source>
      <translation>Distance maximale (mètres, 0 = sans limite)</translation>
    </message>
    <message>
      <source>Nearest service</source>
      <translation>Service le plus proche</translation>
    </message>
    <message>
      <source>Nearest {point}</source>
      <translation>{point} le plus proche</translation>
    </message>
    <message>
      <source>Lines to the nearest {point}</source>
      <translation>Lignes vers le {point} le plus proche</translation>
    </message>
    <message>
      <source>Nearest service by road network</source>
      <translation>Service le plus proche par le réseau routier</translation>
    </message>
    <message>
      <source>Distance (metres)</source>
      <translation>Distance (mètres)</translation>
    </message>
    <message>
      <source>Travel time (minutes)</source>
      <translation>Temps de déplacement (minutes)</translation>
    </message>
    <message>
      <source>Nearest by</source>
      <translation>Le plus proche selon</translation>
    </message>
    <message>
      <source>Travel time uses each road's speed (speed field, or the default speed).</source>
      <translation>Le temps de déplacement utilise la vitesse de chaque route (champ de vitesse ou vitesse par défaut).</translation>
    </message>
    <message>
      <source>Nearest service by road</source>
      <translation>Service le plus proche par la route</translation>
    </message>
    <message>
      <source>{} demand features cannot reach any service point on the network.</source>
      <translation>{} entités de demande n'atteignent aucun point de service par le réseau.</translation>
    </message>
    <message>
      <source>Official-language minority coverage</source>
      <translation>Couverture des minorités de langue officielle</translation>
    </message>
    <message>
      <source>official languages</source>
      <translation>langues officielles</translation>
    </message>
    <message>
      <source>French</source>
      <translation>français</translation>
    </message>
    <message>
      <source>English</source>
      <translation>anglais</translation>
    </message>
    <message>
      <source>minority</source>
      <translation>minorité</translation>
    </message>
    <message>
      <source>Census areas with first official language spoken</source>
      <translation>Aires de recensement avec la première langue officielle parlée</translation>
    </message>
    <message>
      <source>A census layer imported by crs:importcensus, or any layer with these counts.</source>
      <translation>Une couche du recensement importée par crs:importcensus, ou toute couche avec ces effectifs.</translation>
    </message>
    <message>
      <source>Count half of 'English and French' in each minority</source>
      <translation>Compter la moitié de « anglais et français » dans chaque minorité</translation>
    </message>
    <message>
      <source>As Statistics Canada does when it counts official-language minorities.</source>
      <translation>Comme le fait Statistique Canada pour dénombrer les minorités de langue officielle.</translation>
    </message>
    <message>
      <source>Province/territory code field (PRUID)</source>
      <translation>Champ du code de province ou territoire (PRUID)</translation>
    </message>
    <message>
      <source>First official language spoken: English</source>
      <translation>Première langue officielle parlée : anglais</translation>
    </message>
    <message>
      <source>First official language spoken: French</source>
      <translation>Première langue officielle parlée : français</translation>
    </message>
    <message>
      <source>First official language spoken: English and French</source>
      <translation>Première langue officielle parlée : anglais et français</translation>
    </message>
    <message>
      <source>Languages-of-service field of the points</source>
      <translation>Champ des langues de service des points</translation>
    </message>
    <message>
      <source>Distance thresholds (km)</source>
      <translation>Seuils de distance (km)</translation>
    </message>
    <message>
      <source>Unserved areas to list</source>
      <translation>Aires non desservies à lister</translation>
    </message>
    <message>
      <source>Minority coverage per area</source>
      <translation>Couverture de la minorité par aire</translation>
    </message>
    <message>
      <source>Minority coverage per province/territory and Canada</source>
      <translation>Couverture de la minorité par province ou territoire et pour le Canada</translation>
    </message>
    <message>
      <source>Areas of highest unserved minority demand</source>
      <translation>Aires où la demande non desservie de la minorité est la plus forte</translation>
    </message>
    <message>
      <source>The service points have no '{}' field listing the languages they serve in.</source>
      <translation>Les points de service n'ont pas de champ « {} » listant leurs langues de service.</translation>
    </message>
    <message>
      <source>Greedy (fast; within 1 − 1/e of the best, gap to the LP bound reported)</source>
      <translation>Glouton (rapide; à moins de 1 − 1/e du meilleur, écart à la borne PL indiqué)</translation>
    </message>
    <message>
      <source>Exact (integer program, HiGHS)</source>
      <translation>Exact (programme en nombres entiers, HiGHS)</translation>
    </message>
    <message>
      <source>Solver</source>
      <translation>Méthode de résolution</translation>
    </message>
    <message>
      <source>Greedy answers in seconds on any size; exact proves the optimum, or reports its gap when the time limit stops it.</source>
      <translation>Le glouton répond en quelques secondes quelle que soit la taille; l'exact prouve l'optimum, ou indique son écart quand la limite de temps l'arrête.</translation>
    </message>
    <message>
      <source>Time limit of the exact solver (seconds)</source>
      <translation>Limite de temps de la résolution exacte (secondes)</translation>
    </message>
    <message>
      <source>Existing network (kept open): orders of government</source>
      <translation>Réseau existant (maintenu ouvert) : ordres de gouvernement</translation>
    </message>
    <message>
      <source>Existing network (kept open): channels</source>
      <translation>Réseau existant (maintenu ouvert) : modes de prestation</translation>
    </message>
    <message>
      <source>The points that stay open; federal in-person points by default.</source>
      <translation>Les points qui restent ouverts; les points fédéraux en personne par défaut.</translation>
    </message>
    <message>
      <source>Candidate sites: only these orders of government</source>
      <translation>Sites candidats : seulement ces ordres de gouvernement</translation>
    </message>
    <message>
      <source>Candidate sites: only these channels (in person when empty)</source>
      <translation>Sites candidats : seulement ces modes de prestation (en personne si vide)</translation>
    </message>
    <message>
      <source>Candidate sites: only these point types</source>
      <translation>Sites candidats : seulement ces types de point</translation>
    </message>
    <message>
      <source>Candidate sites: only points offering one of these service codes</source>
      <translation>Sites candidats : seulement les points offrant l'un de ces codes de service</translation>
    </message>
    <message>
      <source>Candidate sites: only points operated by these jurisdictions</source>
      <translation>Sites candidats : seulement les points relevant de ces administrations</translation>
    </message>
    <message>
      <source>Candidate sites: only points located in these provinces/territories</source>
      <translation>Sites candidats : seulement les points situés dans ces provinces et territoires</translation>
    </message>
    <message>
      <source>{} existing points kept open ({})</source>
      <translation>{} points existants maintenus ouverts ({})</translation>
    </message>
    <message>
      <source>{} candidate sites ({})</source>
      <translation>{} sites candidats ({})</translation>
    </message>
    <message>
      <source>No candidate site passes the filters: choose other orders of government, channels or point types for the candidate sites.</source>
      <translation>Aucun site candidat ne passe les filtres : choisissez d'autres ordres de gouvernement, modes de prestation ou types de point pour les sites candidats.</translation>
    </message>
    <message>
      <source>CRS Service Points</source>
      <translation>Points de service CRS</translation>
    </message>
    <message>
      <source>Contribute and review tools are unavailable: they need {}. Install them (python3 -m pip install --user pygeodiff; apt install python3-psycopg2 python3-cryptography) and restart QGIS.</source>
      <translation>Les outils de contribution et de révision ne sont pas disponibles : ils exigent {}. Installez-les (python3 -m pip install --user pygeodiff; apt install python3-psycopg2 python3-cryptography) puis redémarrez QGIS.</translation>
    </message>
    <message>
      <source>Publish open data for public finders</source>
      <translation>Publier des données ouvertes pour les localisateurs publics</translation>
    </message>
    <message>
      <source>open data</source>
      <translation>données ouvertes</translation>
    </message>
    <message>
      <source>finder</source>
      <translation>localisateur</translation>
    </message>
    <message>
      <source>Service points (a layer in the common schema)</source>
      <translation>Points de service (une couche du schéma commun)</translation>
    </message>
    <message>
      <source>The GeoPackage store's service_points layer (or the shared store's, added from its PostgreSQL connection). Leave empty to read the shared store below.</source>
      <translation>La couche service_points du dépôt GeoPackage (ou celle du dépôt partagé, ajoutée depuis sa connexion PostgreSQL). Laissez vide pour lire le dépôt partagé ci-dessous.</translation>
    </message>
    <message>
      <source>Or: shared store (PostgreSQL connection)</source>
      <translation>Ou : dépôt partagé (connexion PostgreSQL)</translation>
    </message>
    <message>
      <source>Publish every point of the shared store; its password stays in QGIS.</source>
      <translation>Publier tous les points du dépôt partagé; son mot de passe reste dans QGIS.</translation>
    </message>
    <message>
      <source>Boundaries drawn under the finder's map (optional)</source>
      <translation>Limites tracées sous la carte du localisateur (facultatif)</translation>
    </message>
    <message>
      <source>Provinces and territories, or census areas (dissolved by the code field). Their codes also place call centres' and digital services' regions on the map.</source>
      <translation>Provinces et territoires, ou aires de recensement (fusionnées selon le champ de code). Leurs codes placent aussi sur la carte les régions des centres d'appels et des services numériques.</translation>
    </message>
    <message>
      <source>Boundary code field (province code, PRUID or census subdivision code)</source>
      <translation>Champ de code des limites (code de province, PRUID ou code de subdivision de recensement)</translation>
    </message>
    <message>
      <source>Package id (a source id when the package is loaded back)</source>
      <translation>Identifiant du paquet (un identifiant de source quand le paquet est rechargé)</translation>
    </message>
    <message>
      <source>Open data package folder</source>
      <translation>Dossier du paquet de données ouvertes</translation>
    </message>
    <message>
      <source>Finder page</source>
      <translation>Page du localisateur</translation>
    </message>
    <message>
      <source>Locations published</source>
      <translation>Emplacements publiés</translation>
    </message>
    <message>
      <source>Services published</source>
      <translation>Services publiés</translation>
    </message>
    <message>
      <source>Give either a service-point layer or a shared store connection (one of them).</source>
      <translation>Donnez une couche de points de service ou une connexion au dépôt partagé (l'une des deux).</translation>
    </message>
    <message>
      <source>{} service points read.</source>
      <translation>{} points de service lus.</translation>
    </message>
    <message>
      <source>{} locations, {} services of {} organizations published in {}.</source>
      <translation>{} emplacements, {} services de {} organisations publiés dans {}.</translation>
    </message>
    <message>
      <source>{} partnerships published (without their contacts).</source>
      <translation>{} partenariats publiés (sans leurs personnes-ressources).</translation>
    </message>
    <message>
      <source>The layer is not in the service-point schema: it has no {}.</source>
      <translation>La couche n'est pas dans le schéma des points de service : elle n'a pas de {}.</translation>
    </message>
    <message>
      <source>The boundary layer has no field '{}'.</source>
      <translation>La couche des limites n'a pas de champ « {} ».</translation>
    </message>
    <message>
      <source>Report (PDF) per jurisdiction</source>
      <translation>Rapport (PDF) par administration</translation>
    </message>
    <message>
      <source>report</source>
      <translation>rapport</translation>
    </message>
    <message>
      <source>layout</source>
      <translation>mise en page</translation>
    </message>
    <message>
      <source>jurisdiction</source>
      <translation>administration</translation>
    </message>
    <message>
      <source>Analyses besides population coverage</source>
      <translation>Analyses en plus de la couverture de la population</translation>
    </message>
    <message>
      <source>Coverage is always in the report; official-language coverage needs the census layer's first-official-language counts (fols_en, fols_fr, fols_en_fr).</source>
      <translation>La couverture figure toujours dans le rapport; la couverture des langues officielles exige les effectifs de première langue officielle parlée de la couche du recensement (fols_en, fols_fr, fols_en_fr).</translation>
    </message>
    <message>
      <source>The coverage table's distances, comma-separated, in kilometres.</source>
      <translation>Les distances du tableau de couverture, séparées par des virgules, en kilomètres.</translation>
    </message>
    <message>
      <source>Report language</source>
      <translation>Langue du rapport</translation>
    </message>
    <message>
      <source>Title (optional)</source>
      <translation>Titre (facultatif)</translation>
    </message>
    <message>
      <source>Left empty: 'Service points and the people they serve' in the report's language.</source>
      <translation>Laissé vide : « Les points de service et les personnes qu'ils desservent » dans la langue du rapport.</translation>
    </message>
    <message>
      <source>Layout template (.qpt, optional)</source>
      <translation>Modèle de mise en page (.qpt, facultatif)</translation>
    </message>
    <message>
      <source>A template edited in QGIS's layout designer (page 1 the cover, the next pages one jurisdiction). Left empty: the plugin's template in the report's language.</source>
      <translation>Un modèle modifié dans le concepteur de mise en page de QGIS (page 1 la couverture, les pages suivantes une administration). Laissé vide : le modèle de l'extension dans la langue du rapport.</translation>
    </message>
    <message>
      <source>Save the outputs and the report as a QGIS project in this GeoPackage</source>
      <translation>Enregistrer les sorties et le rapport comme projet QGIS dans ce GeoPackage</translation>
    </message>
    <message>
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <source>An existing GeoPackage (such as the store) gets the tables and the project added; open it with Project › Open From › GeoPackage.</source>
      <translation>Un GeoPackage existant (comme le dépôt) reçoit les tables et le projet; ouvrez-le avec Projet › Ouvrir depuis › GeoPackage.</translation>
    </message>
    <message>
      <source>The co-location planner gave no curve table: its curve is left out.</source>
      <translation>Le planificateur de colocalisation n'a donné aucune table de courbe : sa courbe est omise.</translation>
    </message>
    <message>
      <source>Service gaps</source>
      <translation>Zones mal desservies</translation>
    </message>
    <message>
      <source>Co-location planner curve (when available)</source>
      <translation>Courbe du planificateur de colocalisation (si disponible)</translation>
    </message>
    <message>
      <source>Service gaps beyond (metres)</source>
      <translation>Zones mal desservies au-delà de (mètres)</translation>
    </message>
    <message>
      <source>Co-location candidates within (metres)</source>
      <translation>Candidats à la colocalisation à moins de (mètres)</translation>
    </message>
    <message>
      <source>Rows in the gaps and co-location tables</source>
      <translation>Lignes des tableaux des zones mal desservies et de la colocalisation</translation>
    </message>
    <message>
      <source>Report (PDF)</source>
      <translation>Rapport (PDF)</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Project name in the GeoPackage</source>
      <translation>Nom du projet dans le GeoPackage</translation>
    </message>
    <message>
      <source>Sections: boundary layer (default: the census areas by jurisdiction)</source>
      <translation>Sections : couche des limites (par défaut : les aires de recensement par administration)</translation>
    </message>
    <message>
      <source>Boundary code field (values of the census 'Summarise by' field)</source>
      <translation>Champ de code des limites (valeurs du champ « Résumer par » du recensement)</translation>
    </message>
    <message>
      <source>Boundary name field</source>
      <translation>Champ du nom des limites</translation>
    </message>
    <message>
      <source>Census area identifier field (gaps table)</source>
      <translation>Champ identifiant des aires de recensement (tableau des zones mal desservies)</translation>
    </message>
    <message>
      <source>Source catalogue (for the sources' licences)</source>
      <translation>Catalogue des sources (pour les licences des sources)</translation>
    </message>
    <message>
      <source>Statistics Canada product named in the attribution</source>
      <translation>Produit de Statistique Canada nommé dans l'attribution</translation>
    </message>
    <message>
      <source>Co-location planner curve (table from crs:colocationplanner)</source>
      <translation>Courbe du planificateur de colocalisation (table de crs:colocationplanner)</translation>
    </message>
    <message>
      <source>Pages</source>
      <translation>Pages</translation>
    </message>
    <message>
      <source>Jurisdictions</source>
      <translation>Administrations</translation>
    </message>
    <message>
      <source>GeoPackage of the report's tables</source>
      <translation>GeoPackage des tables du rapport</translation>
    </message>
    <message>
      <source>QGIS project in the GeoPackage</source>
      <translation>Projet QGIS dans le GeoPackage</translation>
    </message>
    <message>
      <source>matplotlib is not installed: the report has no charts.</source>
      <translation>matplotlib n'est pas installé : le rapport n'a pas de graphiques.</translation>
    </message>
    <message>
      <source>The co-location planner is not installed: its curve is left out.</source>
      <translation>Le planificateur de colocalisation n'est pas installé : sa courbe est omise.</translation>
    </message>
    <message>
      <source>Running {}…</source>
      <translation>Exécution de {}…</translation>
    </message>
    <message>
      <source>{} pages, {} jurisdictions: {}</source>
      <translation>{} pages, {} administrations : {}</translation>
    </message>
    <message>
      <source>Choose the boundary layer's code field.</source>
      <translation>Choisissez le champ de code de la couche des limites.</translation>
    </message>
    <message>
      <source>The algorithm {} is not available.</source>
      <translation>L'algorithme {} n'est pas disponible.</translation>
    </message>
    <message>
      <source>{} did not finish.</source>
      <translation>{} ne s'est pas terminé.</translation>
    </message>
    <message>
      <source>The census layer has no field '{}' to make one section per jurisdiction: choose it in 'Summarise by'.</source>
      <translation>La couche du recensement n'a pas de champ « {} » pour faire une section par administration : choisissez-le dans « Résumer par ».</translation>
    </message>
    <message>
      <source>No boundary for '{}': its areas count in Canada's total only.</source>
      <translation>Aucune limite pour « {} » : ses aires ne comptent que dans le total du Canada.</translation>
    </message>
    <message>
      <source>The template has no item with id {}: that part is left out.</source>
      <translation>Le modèle n'a pas d'élément d'identifiant {} : cette partie est omise.</translation>
    </message>
    <message>
      <source>Saved as the QGIS project '{}' in {}.</source>
      <translation>Enregistré comme projet QGIS « {} » dans {}.</translation>
    </message>
    <message>
      <source>Official-language coverage left out: the census layer has no {} (crs:importcensus adds them).</source>
      <translation>Couverture des langues officielles omise : la couche du recensement n'a pas de {} (crs:importcensus les ajoute).</translation>
    </message>
    <message>
      <source>The co-location planner did not run ({}): its curve is left out.</source>
      <translation>Le planificateur de colocalisation n'a pas fonctionné ({}) : sa courbe est omise.</translation>
    </message>
    <message>
      <source>The source catalogue could not be read ({}): sources are listed by id.</source>
      <translation>Le catalogue des sources n'a pas pu être lu ({}) : les sources sont listées par identifiant.</translation>
    </message>
    <message>
      <source>Forward direction</source>
      <translation>Sens direct</translation>
    </message>
    <message>
      <source>Backward direction</source>
      <translation>Sens inverse</translation>
    </message>
    <message>
      <source>Both directions</source>
      <translation>Deux sens</translation>
    </message>
    <message>
      <source>Straight line</source>
      <translation>Ligne droite</translation>
    </message>
    <message>
      <source>Road distance</source>
      <translation>Distance par la route</translation>
    </message>
    <message>
      <source>Travel time</source>
      <translation>Temps de déplacement</translation>
    </message>
    <message>
      <source>Road network</source>
      <translation>Réseau routier</translation>
    </message>
    <message>
      <source>Road lines: Statistics Canada's Road Network File, the National Road Network, OpenStreetMap roads or any line layer.</source>
      <translation>Lignes de routes : le Fichier du réseau routier de Statistique Canada, le Réseau routier national, les routes d'OpenStreetMap ou toute couche de lignes.</translation>
    </message>
    <message>
      <source>Road data</source>
      <translation>Données routières</translation>
    </message>
    <message>
      <source>Which published dataset the roads come from: its class, speed and direction fields and the speed of each class are then known.</source>
      <translation>Le jeu de données publié d'où viennent les routes : ses champs de catégorie, de vitesse et de sens, et la vitesse de chaque catégorie, sont alors connus.</translation>
    </message>
    <message>
      <source>Topology tolerance (metres)</source>
      <translation>Tolérance topologique (mètres)</translation>
    </message>
    <message>
      <source>Road ends closer than this are joined.</source>
      <translation>Les extrémités de routes plus proches que cela sont jointes.</translation>
    </message>
    <message>
      <source>Distances measured</source>
      <translation>Distances mesurées</translation>
    </message>
    <message>
      <source>By road needs a road network layer; travel time uses each road's speed.</source>
      <translation>Par la route exige une couche de réseau routier; le temps de déplacement utilise la vitesse de chaque route.</translation>
    </message>
    <message>
      <source>Direction field</source>
      <translation>Champ de sens</translation>
    </message>
    <message>
      <source>Value for forward direction</source>
      <translation>Valeur pour le sens direct</translation>
    </message>
    <message>
      <source>Value for backward direction</source>
      <translation>Valeur pour le sens inverse</translation>
    </message>
    <message>
      <source>Value for both directions</source>
      <translation>Valeur pour les deux sens</translation>
    </message>
    <message>
      <source>Default direction</source>
      <translation>Sens par défaut</translation>
    </message>
    <message>
      <source>Speed field (km/h)</source>
      <translation>Champ de vitesse (km/h)</translation>
    </message>
    <message>
      <source>Default speed (km/h)</source>
      <translation>Vitesse par défaut (km/h)</translation>
    </message>
    <message>
      <source>The road network layer has no features.</source>
      <translation>La couche du réseau routier n'a aucune entité.</translation>
    </message>
    <message>
      <source>The road network layer has no line segments.</source>
      <translation>La couche du réseau routier n'a aucun segment de ligne.</translation>
    </message>
    <message>
      <source>Road network loaded from the cache (built before from the same roads).</source>
      <translation>Réseau routier chargé du cache (construit auparavant à partir des mêmes routes).</translation>
    </message>
    <message>
      <source>Travel-time limit (minutes), for travel time</source>
      <translation>Limite de temps de déplacement (minutes), pour le temps de déplacement</translation>
    </message>
    <message>
      <source>Other roads (use the fields below)</source>
      <translation>Autres routes (utiliser les champs ci-dessous)</translation>
    </message>
    <message>
      <source>Building the road network from {} segments…</source>
      <translation>Construction du réseau routier à partir de {} segments…</translation>
    </message>
    <message>
      <source>Road network: {} nodes, {} segments.</source>
      <translation>Réseau routier : {} nœuds, {} segments.</translation>
    </message>
    <message>
      <source>The road layer has no field '{}', which {} roads have: choose the road data it comes from, or 'Other roads'.</source>
      <translation>La couche des routes n'a pas de champ « {} », que les routes {} ont : choisissez les données routières d'où elle vient, ou « Autres routes ».</translation>
    </message>
    <message>
      <source>'{}' needs a road network layer: choose one, or measure straight lines.</source>
      <translation>« {} » exige une couche de réseau routier : choisissez-en une, ou mesurez en ligne droite.</translation>
    </message>
    <message>
      <source>The road network could not be cached in {}: {}</source>
      <translation>Le réseau routier n'a pas pu être mis en cache dans {} : {}</translation>
    </message>
    <message>
      <source>Network service areas</source>
      <translation>Zones de desserte par le réseau</translation>
    </message>
    <message>
      <source>Distance (km)</source>
      <translation>Distance (km)</translation>
    </message>
    <message>
      <source>Limits (km, or minutes for travel time)</source>
      <translation>Limites (km, ou minutes pour le temps de déplacement)</translation>
    </message>
    <message>
      <source>Comma-separated: each limit gives its own service area.</source>
      <translation>Séparées par des virgules : chaque limite donne sa propre zone de desserte.</translation>
    </message>
    <message>
      <source>Area outline detail (0 = tightest, 1 = convex)</source>
      <translation>Précision du contour des zones (0 = le plus serré, 1 = convexe)</translation>
    </message>
    <message>
      <source>Reach measured by</source>
      <translation>Portée mesurée par</translation>
    </message>
    <message>
      <source>Roads reached</source>
      <translation>Routes atteintes</translation>
    </message>
    <message>
      <source>Service areas</source>
      <translation>Zones de desserte</translation>
    </message>
    <message>
      <source>Gap beyond (metres)</source>
      <translation>Mal desservi au-delà de (mètres)</translation>
    </message>
    <message>
      <source>Areas in service gaps (ranked)</source>
      <translation>Aires mal desservies (classées)</translation>
    </message>
    <message>
      <source>Gap zones (dissolved)</source>
      <translation>Zones mal desservies (fusionnées)</translation>
    </message>
    <message>
      <source>beyond {distance} of {point}</source>
      <translation>à plus de {distance} d'{point}</translation>
    </message>
    <message>
      <source>{areas} areas, {people} people, are farther than {limit}.</source>
      <translation>{areas} aires, {people} personnes, sont à plus de {limit}.</translation>
    </message>
    <message>
      <source>{areas} more areas, {people} people, are farther than {limit} too but in the region of a call centre or online service, so not counted as gaps (choose the in-person channel to count them).</source>
      <translation>{areas} autres aires, {people} personnes, sont aussi à plus de {limit}, mais dans la région d'un centre d'appels ou d'un service en ligne ; elles ne sont donc pas comptées comme mal desservies (choisissez le mode « En personne » pour les compter).</translation>
    </message>
    <message>
      <source>Areas {where}</source>
      <translation>Aires {where}</translation>
    </message>
    <message>
      <source>Gap zones {where}</source>
      <translation>Zones mal desservies {where}</translation>
    </message>
    <message>
      <source>Service standard check</source>
      <translation>Vérification des normes de service</translation>
    </message>
    <message>
      <source>service standard</source>
      <translation>norme de service</translation>
    </message>
    <message>
      <source>planning</source>
      <translation>planification</translation>
    </message>
    <message>
      <source>Service standards file (JSON)</source>
      <translation>Fichier des normes de service (JSON)</translation>
    </message>
    <message>
      <source>Standards with English and French names; empty: the plugin's sample file (the federal 90 % within 50 km).</source>
      <translation>Normes avec noms anglais et français; vide : le fichier d'exemple de l'extension (la norme fédérale de 90 % à moins de 50 km).</translation>
    </message>
    <message>
      <source>Only these standards (ids, comma-separated)</source>
      <translation>Seulement ces normes (identifiants séparés par des virgules)</translation>
    </message>
    <message>
      <source>Standards per jurisdiction</source>
      <translation>Normes par administration</translation>
    </message>
    <message>
      <source>Areas within each standard</source>
      <translation>Aires respectant chaque norme</translation>
    </message>
    <message>
      <source>Sites that would meet each standard</source>
      <translation>Sites qui permettraient de respecter chaque norme</translation>
    </message>
    <message>
      <source>No standard with the id {} in the file (it has {}).</source>
      <translation>Aucune norme d'identifiant {} dans le fichier (il contient {}).</translation>
    </message>
    <message>
      <source>Submit a package</source>
      <translation>Soumettre un paquet</translation>
    </message>
    <message>
      <source>…or a shared folder (teams without database access)</source>
      <translation>…ou un dossier partagé (équipes sans accès à la base)</translation>
    </message>
    <message>
      <source>Package copy in the shared folder</source>
      <translation>Copie du paquet dans le dossier partagé</translation>
    </message>
    <message>
      <source>Choose where to send the package: the shared store or a shared folder (one of them).</source>
      <translation>Choisissez où envoyer le paquet : le dépôt partagé ou un dossier partagé (l'un des deux).</translation>
    </message>
    <message>
      <source>Submitted as number {}; the geomapping team will review it.</source>
      <translation>Soumission numéro {}; l'équipe de géomatique l'examinera.</translation>
    </message>
    <message>
      <source>Package placed in {}.</source>
      <translation>Paquet déposé dans {}.</translation>
    </message>
    <message>
      <source>Validate service points</source>
      <translation>Valider des points de service</translation>
    </message>
    <message>
      <source>Province/territory boundaries (exact location check)</source>
      <translation>Limites des provinces et territoires (vérification exacte de l'emplacement)</translation>
    </message>
    <message>
      <source>For example Statistics Canada's provinces boundary file. Without it, points are checked against each province's extent.</source>
      <translation>Par exemple le fichier des limites des provinces de Statistique Canada. Sans lui, les points sont vérifiés selon l'étendue de chaque province.</translation>
    </message>
    <message>
      <source>Likely-duplicate distance (m)</source>
      <translation>Distance des doublons probables (m)</translation>
    </message>
    <message>
      <source>Service points to validate</source>
      <translation>Points de service à valider</translation>
    </message>
    <message>
      <source>Shared service points (to flag likely duplicates)</source>
      <translation>Points de service partagés (pour signaler les doublons probables)</translation>
    </message>
    <message>
      <source>Boundary code field (PRUID or province code)</source>
      <translation>Champ de code des limites (PRUID ou code de province)</translation>
    </message>
    <message>
      <source>Validation problems</source>
      <translation>Problèmes de validation</translation>
    </message>
    <message>
      <source>Errors</source>
      <translation>Erreurs</translation>
    </message>
    <message>
      <source>Warnings</source>
      <translation>Avertissements</translation>
    </message>
    <message>
      <source>{} errors, {} warnings in {} points.</source>
      <translation>{} erreurs, {} avertissements dans {} points.</translation>
    </message>
    <message>
      <source>Distance-decay weights must be zero or more.</source>
      <translation>Les poids de décroissance selon la distance doivent être nuls ou positifs.</translation>
    </message>
    <message>
      <source>The catchment radius must be greater than 0.</source>
      <translation>Le rayon de la zone de desserte doit être supérieur à 0.</translation>
    </message>
    <message>
      <source>Population and capacity must not be negative.</source>
      <translation>La population et la capacité ne doivent pas être négatives.</translation>
    </message>
    <message>
      <source>Distance-decay steps look like '5:1, 15:0.68, 30:0.22' (km:weight); got {text!r}.</source>
      <translation>Les paliers de décroissance s'écrivent comme '5:1, 15:0.68, 30:0.22' (km:poids); reçu {text!r}.</translation>
    </message>
    <message>
      <source>Give at least one distance threshold greater than 0 km.</source>
      <translation>Donnez au moins un seuil de distance supérieur à 0 km.</translation>
    </message>
    <message>
      <source>Distance thresholds must be numbers in kilometres, like '5, 10, 25'; got {text!r}.</source>
      <translation>Les seuils de distance doivent être des nombres en kilomètres, comme '5, 10, 25'; reçu {text!r}.</translation>
    </message>
    <message>
      <source>{count} area polygons are invalid and could not be repaired.</source>
      <translation>{count} polygones d'aires sont invalides et n'ont pas pu être réparés.</translation>
    </message>
    <message>
      <source>The number of nearest points (k) must be at least 1.</source>
      <translation>Le nombre de points les plus proches (k) doit être d'au moins 1.</translation>
    </message>
    <message>
      <source>Some service points have no valid location.</source>
      <translation>Certains points de service n'ont pas d'emplacement valide.</translation>
    </message>
    <message>
      <source>The catchment distance must be greater than 0.</source>
      <translation>La distance de desserte doit être supérieure à 0.</translation>
    </message>
    <message>
      <source>The census layer has no geometries to draw a study boundary from.</source>
      <translation>La couche du recensement n'a pas de géométries à partir desquelles tracer une limite d'étude.</translation>
    </message>
    <message>
      <source>Every candidate site needs a cost greater than 0.</source>
      <translation>Chaque site candidat doit avoir un coût supérieur à 0.</translation>
    </message>
    <message>
      <source>Give a number of sites to add or a budget.</source>
      <translation>Donnez un nombre de sites à ajouter ou un budget.</translation>
    </message>
    <message>
      <source>The number of sites to add cannot be negative.</source>
      <translation>Le nombre de sites à ajouter ne peut pas être négatif.</translation>
    </message>
    <message>
      <source>The budget cannot be negative.</source>
      <translation>Le budget ne peut pas être négatif.</translation>
    </message>
    <message>
      <source>The LP bound was too large to compute in time: the online bound is given.</source>
      <translation>La borne PL était trop longue à calculer dans le temps alloué : la borne en ligne est donnée.</translation>
    </message>
    <message>
      <source>No integer solution was found within the time limit: the greedy choice is given.</source>
      <translation>Aucune solution entière n'a été trouvée dans la limite de temps : le choix glouton est donné.</translation>
    </message>
    <message>
      <source>A coverage target is a share of the population between 0 and 100 %.</source>
      <translation>Une cible de couverture est une part de la population entre 0 et 100 %.</translation>
    </message>
    <message>
      <source>The target cannot be met with every candidate site: the sites that reach the most are given.</source>
      <translation>La cible ne peut pas être atteinte même avec tous les sites candidats : les sites qui atteignent le plus de personnes sont donnés.</translation>
    </message>
    <message>
      <source>The p-median needs a distance for people no existing point reaches.</source>
      <translation>La p-médiane exige une distance pour les personnes qu'aucun point existant n'atteint.</translation>
    </message>
    <message>
      <source>Service standards file {name}: {where}: {message}.</source>
      <translation>Fichier des normes de service {name} : {where} : {message}.</translation>
    </message>
    <message>
      <source>Service standards file {name}: each standard needs its own id.</source>
      <translation>Fichier des normes de service {name} : chaque norme doit avoir son propre identifiant.</translation>
    </message>
    <message>
      <source>The standard '{id}' gives no distance (distance_km): measure travel time instead, or add one to the standards file.</source>
      <translation>La norme « {id} » ne donne pas de distance (distance_km) : mesurez plutôt le temps de déplacement, ou ajoutez-en une au fichier des normes.</translation>
    </message>
    <message>
      <source>The service standards file {name} cannot be read: {exc}.</source>
      <translation>Le fichier des normes de service {name} est illisible : {exc}.</translation>
    </message>
    <message>
      <source>The standard '{id}' gives no travel time (travel_minutes): measure distances instead, or add one to the standards file.</source>
      <translation>La norme « {id} » ne donne pas de temps de déplacement (travel_minutes) : mesurez plutôt des distances, ou ajoutez-en un au fichier des normes.</translation>
    </message>
    <message>
      <source>(the entry itself)</source>
      <translation>(l'entrée elle-même)</translation>
    </message>
    <message>
      <source>Catalogue {name}: {source}field {field}: {message}.</source>
      <translation>Catalogue {name} : {source}champ {field} : {message}.</translation>
    </message>
    <message>
      <source>Source '{id}': connector type '{kind}' is not supported ({types}).</source>
      <translation>Source « {id} » : le type de connecteur « {kind} » n'est pas pris en charge ({types}).</translation>
    </message>
    <message>
      <source>source '{name}', </source>
      <translation>source « {name} », </translation>
    </message>
    <message>
      <source>source #{number}, </source>
      <translation>source no {number}, </translation>
    </message>
    <message>
      <source>The catalogue has no source '{source_id}'. Sources: {sources}</source>
      <translation>Le catalogue n'a pas de source « {source_id} ». Sources : {sources}</translation>
    </message>
    <message>
      <source>Catalogue not found: {location}</source>
      <translation>Catalogue introuvable : {location}</translation>
    </message>
    <message>
      <source>Catalogue {location} is not valid JSON: {exc}</source>
      <translation>Le catalogue {location} n'est pas du JSON valide : {exc}</translation>
    </message>
    <message>
      <source>Catalogue source '{sid}' uses a mapping written for '{source_id}'.</source>
      <translation>La source « {sid} » du catalogue utilise une correspondance écrite pour « {source_id} ».</translation>
    </message>
    <message>
      <source>Catalogue source '{sid}' has no 'mapping'.</source>
      <translation>La source « {sid} » du catalogue n'a pas de 'mapping'.</translation>
    </message>
    <message>
      <source>No census characteristic is called '{label}'.</source>
      <translation>Aucune caractéristique du recensement ne s'appelle « {label} ».</translation>
    </message>
    <message>
      <source>Census catalogue {name}: {where}: {message}.</source>
      <translation>Catalogue du recensement {name} : {where} : {message}.</translation>
    </message>
    <message>
      <source>Census catalogue {name}: {field}: unknown universe {universe!r}.</source>
      <translation>Catalogue du recensement {name} : {field} : univers inconnu {universe!r}.</translation>
    </message>
    <message>
      <source>Census catalogue {name}: {field}: unknown product {unknown}.</source>
      <translation>Catalogue du recensement {name} : {field} : produit inconnu {unknown}.</translation>
    </message>
    <message>
      <source>{name} is not a Geographic Attribute File (92-151-X): no {missing}.</source>
      <translation>{name} n'est pas un Fichier des attributs géographiques (92-151-X) : pas de {missing}.</translation>
    </message>
    <message>
      <source>Dissemination blocks have no Census Profile of their own: give the Geographic Attribute File (92-151-X) to place their dissemination area's characteristics by block population.</source>
      <translation>Les îlots de diffusion n'ont pas de Profil du recensement propre : donnez le Fichier des attributs géographiques (92-151-X) pour répartir les caractéristiques de leur aire de diffusion selon la population des îlots.</translation>
    </message>
    <message>
      <source>Give at least one Census Profile file (CSV) or SDMX answer.</source>
      <translation>Donnez au moins un fichier du Profil du recensement (CSV) ou une réponse SDMX.</translation>
    </message>
    <message>
      <source>{name} is not a dissemination area or block boundary file: it has no DAUID or DBUID with DGUID (fields: {fields}).</source>
      <translation>{name} n'est pas un fichier des limites des aires ou îlots de diffusion : il n'a pas de DAUID ou DBUID avec DGUID (champs : {fields}).</translation>
    </message>
    <message>
      <source>{count} dissemination areas read from the Census Profile.</source>
      <translation>{count} aires de diffusion lues dans le Profil du recensement.</translation>
    </message>
    <message>
      <source>{name} holds no Shapefile or GeoPackage.</source>
      <translation>{name} ne contient ni Shapefile ni GeoPackage.</translation>
    </message>
    <message>
      <source>Cannot open the boundary file {name}: {exc}</source>
      <translation>Impossible d'ouvrir le fichier des limites {name} : {exc}</translation>
    </message>
    <message>
      <source>Reading {name} with its index {index}.</source>
      <translation>Lecture de {name} avec son index {index}.</translation>
    </message>
    <message>
      <source>Reading {name} (no Geo_starting_row file: scanning it all).</source>
      <translation>Lecture de {name} (aucun fichier Geo_starting_row : il est parcouru en entier).</translation>
    </message>
    <message>
      <source>{name}: two geographies start on the same line.</source>
      <translation>{name} : deux géographies commencent à la même ligne.</translation>
    </message>
    <message>
      <source>Census import cancelled.</source>
      <translation>Importation du recensement annulée.</translation>
    </message>
    <message>
      <source>{name}: a Line Number is not a whole number.</source>
      <translation>{name} : un Line Number n'est pas un nombre entier.</translation>
    </message>
    <message>
      <source>The Census Profile file {path} does not exist.</source>
      <translation>Le fichier du Profil du recensement {path} n'existe pas.</translation>
    </message>
    <message>
      <source>{name} has no rows.</source>
      <translation>{name} n'a aucune ligne.</translation>
    </message>
    <message>
      <source>{name} has no characteristic {missing}: is it a Census Profile file of the catalogue's product and year?</source>
      <translation>{name} n'a pas la caractéristique {missing} : est-ce un fichier du Profil du recensement du produit et de l'année du catalogue?</translation>
    </message>
    <message>
      <source>row {geography} is not in the Geo_starting_row file</source>
      <translation>la ligne {geography} n'est pas dans le fichier Geo_starting_row</translation>
    </message>
    <message>
      <source>a geography's first row is missing</source>
      <translation>la première ligne d'une géographie est absente</translation>
    </message>
    <message>
      <source>{name} is not a Geo_starting_row file: its columns are {header} (expected Geo Code, Geo Name, Line Number).</source>
      <translation>{name} n'est pas un fichier Geo_starting_row : ses colonnes sont {header} (attendu : Geo Code, Geo Name, Line Number).</translation>
    </message>
    <message>
      <source>{name} is not a Census Profile CSV file: it has no DGUID / GEO_LEVEL / GEO_NAME / CHARACTERISTIC_ID / C1_COUNT_TOTAL columns.</source>
      <translation>{name} n'est pas un fichier CSV du Profil du recensement : il n'a pas les colonnes DGUID / GEO_LEVEL / GEO_NAME / CHARACTERISTIC_ID / C1_COUNT_TOTAL.</translation>
    </message>
    <message>
      <source>a row of {geography} is not where the file's layout puts it</source>
      <translation>une ligne de {geography} n'est pas là où la structure du fichier la place</translation>
    </message>
    <message>
      <source>{name}: {reason}; reading every row instead (slower).</source>
      <translation>{name} : {reason}; lecture de toutes les lignes à la place (plus lent).</translation>
    </message>
    <message>
      <source>the geographies do not all list the same characteristics</source>
      <translation>les géographies n'énumèrent pas toutes les mêmes caractéristiques</translation>
    </message>
    <message>
      <source>{name} is not a Census Profile SDMX answer in CSV: it has no {required} column.</source>
      <translation>{name} n'est pas une réponse SDMX du Profil du recensement en CSV : il n'a pas de colonne {required}.</translation>
    </message>
    <message>
      <source>Charts need the Python package matplotlib (apt install python3-matplotlib, or pip install matplotlib): the chart was left out.</source>
      <translation>Les graphiques exigent le paquet Python matplotlib (apt install python3-matplotlib, ou pip install matplotlib) : le graphique a été omis.</translation>
    </message>
    <message>
      <source>CSV text</source>
      <translation>du texte CSV</translation>
    </message>
    <message>
      <source>a web page (HTML)</source>
      <translation>une page Web (HTML)</translation>
    </message>
    <message>
      <source>a ZIP archive</source>
      <translation>une archive ZIP</translation>
    </message>
    <message>
      <source>a GeoPackage</source>
      <translation>un GeoPackage</translation>
    </message>
    <message>
      <source>an Excel workbook</source>
      <translation>un classeur Excel</translation>
    </message>
    <message>
      <source>a PDF document</source>
      <translation>un document PDF</translation>
    </message>
    <message>
      <source>binary data</source>
      <translation>des données binaires</translation>
    </message>
    <message>
      <source>Unknown coordinate reference system {text!r}: {exc}</source>
      <translation>Système de coordonnées de référence inconnu {text!r} : {exc}</translation>
    </message>
    <message>
      <source>Coordinates cannot be transformed from {src} to {dst}: {exc}</source>
      <translation>Les coordonnées ne peuvent pas être transformées de {src} vers {dst} : {exc}</translation>
    </message>
    <message>
      <source>rows {rows} and {more} more</source>
      <translation>lignes {rows} et {more} autres</translation>
    </message>
    <message>
      <source>row {rows}</source>
      <translation>ligne {rows}</translation>
    </message>
    <message>
      <source>rows {rows}</source>
      <translation>lignes {rows}</translation>
    </message>
    <message>
      <source>order of government: {values}</source>
      <translation>ordre de gouvernement : {values}</translation>
    </message>
    <message>
      <source>operated by: {values}</source>
      <translation>administration responsable : {values}</translation>
    </message>
    <message>
      <source>located in: {values}</source>
      <translation>province ou territoire : {values}</translation>
    </message>
    <message>
      <source>channel: {values}</source>
      <translation>mode de prestation : {values}</translation>
    </message>
    <message>
      <source>point type: {values}</source>
      <translation>type de point : {values}</translation>
    </message>
    <message>
      <source>services: {values}</source>
      <translation>services : {values}</translation>
    </message>
    <message>
      <source>The service point layer has no field {fields} to filter on; load it through the plugin or remove that filter.</source>
      <translation>La couche des points de service n'a pas de champ {fields} sur lequel filtrer; chargez-la au moyen de l'extension ou retirez ce filtre.</translation>
    </message>
    <message>
      <source>no layer {source_layer!r} in {name}</source>
      <translation>pas de couche {source_layer!r} dans {name}</translation>
    </message>
    <message>
      <source>Could not write {name}: {exc}</source>
      <translation>Impossible d'écrire {name} : {exc}</translation>
    </message>
    <message>
      <source>{url} answered with {kind} instead of JSON: {words}.</source>
      <translation>{url} a répondu par {kind} au lieu de JSON : {words}.</translation>
    </message>
    <message>
      <source>{url} answered with {kind} instead of JSON.</source>
      <translation>{url} a répondu par {kind} au lieu de JSON.</translation>
    </message>
    <message>
      <source>{url} is larger than the {limit} MB limit; nothing was loaded.</source>
      <translation>{url} dépasse la limite de {limit} Mo; rien n'a été chargé.</translation>
    </message>
    <message>
      <source>Could not fetch {url}: {problem} ({retries} attempts).</source>
      <translation>Impossible de récupérer {url} : {problem} ({retries} tentatives).</translation>
    </message>
    <message>
      <source>Only http:// and https:// addresses can be fetched, not {url!r}.</source>
      <translation>Seules les adresses http:// et https:// peuvent être récupérées, pas {url!r}.</translation>
    </message>
    <message>
      <source>it did not answer in time</source>
      <translation>il n'a pas répondu à temps</translation>
    </message>
    <message>
      <source>{url} answered with a web page instead of JSON (is the address right, or is the service down?).</source>
      <translation>{url} a répondu par une page Web au lieu de JSON (l'adresse est-elle juste, ou le service est-il en panne?).</translation>
    </message>
    <message>
      <source>The server answered {code} {reason} for {url}: {details}.</source>
      <translation>Le serveur a répondu {code} {reason} pour {url} : {details}.</translation>
    </message>
    <message>
      <source>The server answered {code} {reason} for {url}.</source>
      <translation>Le serveur a répondu {code} {reason} pour {url}.</translation>
    </message>
    <message>
      <source>the server answered {code} {reason}</source>
      <translation>le serveur a répondu {code} {reason}</translation>
    </message>
    <message>
      <source>{url} sent invalid or truncated JSON ({msg} at character {pos}).</source>
      <translation>{url} a envoyé du JSON invalide ou tronqué ({msg} au caractère {pos}).</translation>
    </message>
    <message>
      <source>The certificate of {hostname} is not trusted ({exc}). If your organisation uses its own certificate authority, add it to QGIS: Settings › Options › Authentication › Manage certificates › Authorities, then load again.</source>
      <translation>Le certificat de {hostname} n'est pas de confiance ({exc}). Si votre organisation a sa propre autorité de certification, ajoutez-la à QGIS : Préférences › Options › Authentification › Gérer les certificats › Autorités, puis chargez de nouveau.</translation>
    </message>
    <message>
      <source>Check the coordinate columns and the 'crs' in the mapping's geometry.</source>
      <translation>Vérifiez les colonnes de coordonnées et le 'crs' de la géométrie de la correspondance.</translation>
    </message>
    <message>
      <source>The values look like projected metres: add their CRS to the mapping's 'geometry' object, for example "crs": "EPSG:3347" (Statistics Canada Lambert) or "crs": "EPSG:2953" (New Brunswick).</source>
      <translation>Les valeurs ressemblent à des mètres projetés : ajoutez leur SCR à l'objet 'geometry' de la correspondance, par exemple "crs": "EPSG:3347" (Lambert de Statistique Canada) ou "crs": "EPSG:2953" (Nouveau-Brunswick).</translation>
    </message>
    <message>
      <source>Longitude and latitude look swapped: exchange 'x' and 'y' in the mapping.</source>
      <translation>La longitude et la latitude semblent inversées : échangez 'x' et 'y' dans la correspondance.</translation>
    </message>
    <message>
      <source>The {where} maps '{target}', which is not a schema field (did you mean '{hint}'?).</source>
      <translation>La {where} associe « {target} », qui n'est pas un champ du schéma (vouliez-vous dire « {hint} »?).</translation>
    </message>
    <message>
      <source>The {where} maps '{target}', which is not a schema field.</source>
      <translation>La {where} associe « {target} », qui n'est pas un champ du schéma.</translation>
    </message>
    <message>
      <source>A field mapping must be a JSON object.</source>
      <translation>Une correspondance des champs doit être un objet JSON.</translation>
    </message>
    <message>
      <source>The field mapping has no 'source_id' (a short, stable name).</source>
      <translation>La correspondance des champs n'a pas de 'source_id' (un nom court et stable).</translation>
    </message>
    <message>
      <source>mapping of source '{source_id}'</source>
      <translation>correspondance de la source « {source_id} »</translation>
    </message>
    <message>
      <source>The source itself declares {crs} (so a 'crs' in the mapping does not apply): its publisher states the wrong CRS; ask them to correct it, or load a copy whose declared CRS is right.</source>
      <translation>La source elle-même déclare {crs} (un 'crs' dans la correspondance ne s'applique donc pas) : son éditeur indique le mauvais SCR; demandez-lui de le corriger, ou chargez une copie dont le SCR déclaré est juste.</translation>
    </message>
    <message>
      <source>The mapping of source '{source_id}' reads column '{column}' for {target}, but the source has no such column (did you mean '{hint}'?). Columns in the source: {columns}.</source>
      <translation>La correspondance de la source « {source_id} » lit la colonne « {column} » pour {target}, mais la source n'a pas cette colonne (vouliez-vous dire « {hint} »?). Colonnes de la source : {columns}.</translation>
    </message>
    <message>
      <source>The mapping of source '{source_id}' reads column '{column}' for {target}, but the source has no such column. Columns in the source: {columns}.</source>
      <translation>La correspondance de la source « {source_id} » lit la colonne « {column} » pour {target}, mais la source n'a pas cette colonne. Colonnes de la source : {columns}.</translation>
    </message>
    <message>
      <source>Source '{source_id}': column '{column}' must hold numbers but has {sample} in {rows}.</source>
      <translation>Source « {source_id} » : la colonne « {column} » doit contenir des nombres mais contient {sample} aux {rows}.</translation>
    </message>
    <message>
      <source>The {where} maps 'source_id'; it is set from the mapping's source_id.</source>
      <translation>La {where} associe 'source_id'; il est fixé par le source_id de la correspondance.</translation>
    </message>
    <message>
      <source>In the {where}, the rule for '{target}' must be an object.</source>
      <translation>Dans la {where}, la règle de « {target} » doit être un objet.</translation>
    </message>
    <message>
      <source>In the {where}, the rule for '{target}' needs exactly one of 'column', 'value' or 'concat'.</source>
      <translation>Dans la {where}, la règle de « {target} » doit avoir exactement un de 'column', 'value' ou 'concat'.</translation>
    </message>
    <message>
      <source>In the {where}, the rule for '{target}' has unknown keys: {unknown}.</source>
      <translation>Dans la {where}, la règle de « {target} » a des clés inconnues : {unknown}.</translation>
    </message>
    <message>
      <source>In the {where}, 'map' of '{target}' must be an object.</source>
      <translation>Dans la {where}, le 'map' de « {target} » doit être un objet.</translation>
    </message>
    <message>
      <source>In the {where}, 'concat' of '{target}' must be a list of columns.</source>
      <translation>Dans la {where}, le 'concat' de « {target} » doit être une liste de colonnes.</translation>
    </message>
    <message>
      <source>Source id {source_id!r} must be 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit.</source>
      <translation>L'identifiant de source {source_id!r} doit compter de 1 à 64 lettres, chiffres, '_', '.' ou '-', et commencer par une lettre ou un chiffre.</translation>
    </message>
    <message>
      <source>The {where} has no 'fields' object.</source>
      <translation>La {where} n'a pas d'objet 'fields'.</translation>
    </message>
    <message>
      <source>The {where} does not say which column identifies a record: add 'source_record_id' (a column, or {{"column": "@row"}} if the source has none).</source>
      <translation>La {where} ne dit pas quelle colonne identifie un enregistrement : ajoutez 'source_record_id' (une colonne, ou {{"column": "@row"}} si la source n'en a pas).</translation>
    </message>
    <message>
      <source>In the {where}, 'geometry' must be an object.</source>
      <translation>Dans la {where}, 'geometry' doit être un objet.</translation>
    </message>
    <message>
      <source>In the {where}, 'geometry' has unknown keys: {unknown}.</source>
      <translation>Dans la {where}, 'geometry' a des clés inconnues : {unknown}.</translation>
    </message>
    <message>
      <source>In the {where}, 'geometry' needs both 'x' and 'y' columns.</source>
      <translation>Dans la {where}, 'geometry' exige les deux colonnes 'x' et 'y'.</translation>
    </message>
    <message>
      <source>Source '{source_id}' has no records.</source>
      <translation>La source « {source_id} » n'a aucun enregistrement.</translation>
    </message>
    <message>
      <source>Source '{source_id}': record ids are not unique ({ids}) in {rows}; each record needs its own source_record_id.</source>
      <translation>Source « {source_id} » : les identifiants d'enregistrement ne sont pas uniques ({ids}) aux {rows}; chaque enregistrement doit avoir son propre source_record_id.</translation>
    </message>
    <message>
      <source>Source '{source_id}': {rows} have no location (empty coordinates or no geometry).</source>
      <translation>Source « {source_id} » : les {rows} n'ont pas d'emplacement (coordonnées vides ou aucune géométrie).</translation>
    </message>
    <message>
      <source>Source '{source_id}': {rows} fall outside Canada once read as {crs}. {hint}</source>
      <translation>Source « {source_id} » : les {rows} tombent hors du Canada une fois lues en {crs}. {hint}</translation>
    </message>
    <message>
      <source>Source '{source_id}': column '{column}' has numbers written with a decimal comma ({sample} in {rows}) among numbers that cannot be read that way (decimal points, or a comma-separated file): it is ambiguous which is meant. Write the column with one decimal separator, or save the file separated by semicolons with decimal commas throughout.</source>
      <translation>Source « {source_id} » : la colonne « {column} » a des nombres écrits avec une virgule décimale ({sample} aux {rows}) parmi des nombres qui ne peuvent pas être lus ainsi (points décimaux, ou fichier séparé par des virgules) : on ne sait pas lequel est voulu. Écrivez la colonne avec un seul séparateur décimal, ou enregistrez le fichier séparé par des points-virgules avec des virgules décimales partout.</translation>
    </message>
    <message>
      <source>Field mapping file not found: {path}</source>
      <translation>Fichier de correspondance des champs introuvable : {path}</translation>
    </message>
    <message>
      <source>Field mapping {path} is not valid JSON: {exc}</source>
      <translation>La correspondance des champs {path} n'est pas du JSON valide : {exc}</translation>
    </message>
    <message>
      <source>Source '{source_id}': {label} ({name}) is required but empty in {rows}.</source>
      <translation>Source « {source_id} » : {label} ({name}) est obligatoire mais vide aux {rows}.</translation>
    </message>
    <message>
      <source>Source '{source_id}': {label} ({name}) has values that are not allowed ({shown}) in {rows}. Allowed: {codes}. Add a 'map' for this field in the mapping.</source>
      <translation>Source « {source_id} » : {label} ({name}) a des valeurs non permises ({shown}) aux {rows}. Permises : {codes}. Ajoutez un 'map' pour ce champ dans la correspondance.</translation>
    </message>
    <message>
      <source>Source '{source_id}' has no geometry: name its coordinate columns in the mapping, e.g. "geometry": {{"x": "Longitude", "y": "Latitude"}}.</source>
      <translation>La source « {source_id} » n'a pas de géométrie : nommez ses colonnes de coordonnées dans la correspondance, p. ex. "geometry": {{"x": "Longitude", "y": "Latitude"}}.</translation>
    </message>
    <message>
      <source>Source '{source_id}': coordinates cannot be transformed from {crs}: {exc}</source>
      <translation>Source « {source_id} » : les coordonnées ne peuvent pas être transformées depuis {crs} : {exc}</translation>
    </message>
    <message>
      <source>Source '{source_id}': {label} ({name}) must be a date like 2024-03-31 but is {values!r} in {rows}.</source>
      <translation>Source « {source_id} » : {label} ({name}) doit être une date comme 2024-03-31 mais vaut {values!r} aux {rows}.</translation>
    </message>
    <message>
      <source>No network could be built: the road layer has no line segments.</source>
      <translation>Aucun réseau n'a pu être construit : la couche des routes n'a aucun segment de ligne.</translation>
    </message>
    <message>
      <source>Travel time needs a speed for each road.</source>
      <translation>Le temps de déplacement exige une vitesse pour chaque route.</translation>
    </message>
    <message>
      <source>Geodesic lengths need the positions in longitude and latitude.</source>
      <translation>Les longueurs géodésiques exigent les positions en longitude et latitude.</translation>
    </message>
    <message>
      <source>Unknown road data profile {key!r}; known: {items}.</source>
      <translation>Profil de données routières inconnu {key!r}; connus : {items}.</translation>
    </message>
    <message>
      <source>Package id {source_id!r} must be 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit.</source>
      <translation>L'identifiant de paquet {source_id!r} doit compter de 1 à 64 lettres, chiffres, '_', '.' ou '-', et commencer par une lettre ou un chiffre.</translation>
    </message>
    <message>
      <source>Unknown licence {licence!r}; one of: {licences}.</source>
      <translation>Licence inconnue {licence!r}; l'une de : {licences}.</translation>
    </message>
    <message>
      <source>not a GeoJSON Polygon or MultiPolygon</source>
      <translation>ce n'est pas un Polygon ou MultiPolygon GeoJSON</translation>
    </message>
    <message>
      <source>empty polygon</source>
      <translation>polygone vide</translation>
    </message>
    <message>
      <source>not JSON ({exc})</source>
      <translation>ce n'est pas du JSON ({exc})</translation>
    </message>
    <message>
      <source>invalid coordinates ({exc})</source>
      <translation>coordonnées invalides ({exc})</translation>
    </message>
    <message>
      <source>'{name}' is not a field of the service-point schema; known fields: {fields}</source>
      <translation>« {name} » n'est pas un champ du schéma des points de service; champs connus : {fields}</translation>
    </message>
    <message>
      <source>a data file</source>
      <translation>un fichier de données</translation>
    </message>
    <message>
      <source>an ArcGIS REST service</source>
      <translation>un service ArcGIS REST</translation>
    </message>
    <message>
      <source>an OGC API Features service</source>
      <translation>un service OGC API Features</translation>
    </message>
    <message>
      <source>a WFS service</source>
      <translation>un service WFS</translation>
    </message>
    <message>
      <source>a CKAN dataset</source>
      <translation>un jeu de données CKAN</translation>
    </message>
    <message>
      <source>JSON of another kind</source>
      <translation>du JSON d'un autre genre</translation>
    </message>
    <message>
      <source>text that is not a table</source>
      <translation>du texte qui n'est pas un tableau</translation>
    </message>
    <message>
      <source>Give an address (a URL) or a file to add.</source>
      <translation>Indiquez une adresse (une URL) ou un fichier à ajouter.</translation>
    </message>
    <message>
      <source>none</source>
      <translation>aucune</translation>
    </message>
    <message>
      <source>this OGC API offers no collection of features.</source>
      <translation>cette OGC API n'offre aucune collection d'entités.</translation>
    </message>
    <message>
      <source>this WFS publishes no feature type.</source>
      <translation>ce WFS ne publie aucun type d'entité.</translation>
    </message>
    <message>
      <source>{address} is not a data file, an ArcGIS REST service or layer, an OGC API, a WFS or a CKAN dataset that can be recognised: {answers}.</source>
      <translation>{address} n'est pas un fichier de données, un service ou une couche ArcGIS REST, une OGC API, un WFS ou un jeu de données CKAN reconnaissable : {answers}.</translation>
    </message>
    <message>
      <source>invalid JSON</source>
      <translation>du JSON non valide</translation>
    </message>
    <message>
      <source>this ArcGIS REST service has no layer.</source>
      <translation>ce service ArcGIS REST n'a aucune couche.</translation>
    </message>
    <message>
      <source>{address} is {kind} offering {count} choices: {listing}. Say which one to load.</source>
      <translation>{address} est {kind} qui offre {count} choix : {listing}. Indiquez lequel charger.</translation>
    </message>
    <message>
      <source>{url} answered with {what}</source>
      <translation>{url} a répondu par {what}</translation>
    </message>
    <message>
      <source>an error ({message})</source>
      <translation>une erreur ({message})</translation>
    </message>
    <message>
      <source>{label} is empty.</source>
      <translation>{label} est vide.</translation>
    </message>
    <message>
      <source>{address} holds no table of records.</source>
      <translation>{address} ne contient aucun tableau d'enregistrements.</translation>
    </message>
    <message>
      <source>CKAN dataset '{dataset}' has no resource that can be loaded (GeoJSON, CSV, a ZIP, Shapefile or GeoPackage download, an ArcGIS REST service or a WFS); its formats: {formats}.</source>
      <translation>Le jeu de données CKAN « {dataset} » n'a aucune ressource qui puisse être chargée (un téléchargement GeoJSON, CSV, ZIP, Shapefile ou GeoPackage, un service ArcGIS REST ou un WFS); ses formats : {formats}.</translation>
    </message>
    <message>
      <source>{source} has no records.</source>
      <translation>{source} n'a aucun enregistrement.</translation>
    </message>
    <message>
      <source>Source id {source_id} must be 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit.</source>
      <translation>L'identifiant de source {source_id} doit compter de 1 à 64 lettres, chiffres, « _ », « . » ou « - », et commencer par une lettre ou un chiffre.</translation>
    </message>
    <message>
      <source>Catalogue {name}: source id {ids} is used twice.</source>
      <translation>Catalogue {name} : l'identifiant de source {ids} est utilisé deux fois.</translation>
    </message>
    <message>
      <source>Catalogue {name} has no 'sources' list.</source>
      <translation>Le catalogue {name} n'a pas de liste 'sources'.</translation>
    </message>
    <message>
      <source>Catalogue {name} already has a source '{source_id}': choose another id.</source>
      <translation>Le catalogue {name} a déjà une source « {source_id} » : choisissez un autre identifiant.</translation>
    </message>
    <message>
      <source>The catalogue {location} has no source '{source_id}'.</source>
      <translation>Le catalogue {location} n'a pas de source « {source_id} ».</translation>
    </message>
    <message>
      <source>{address} offers no {choice}; it offers: {listing}.</source>
      <translation>{address} n'offre pas {choice}; il offre : {listing}.</translation>
    </message>
    <message>
      <source>File not found: {location}</source>
      <translation>Fichier introuvable : {location}</translation>
    </message>
    <message>
      <source>Cannot read {location}: {strerror}</source>
      <translation>Impossible de lire {location} : {strerror}</translation>
    </message>
    <message>
      <source>The source has no geometry: choose its coordinate columns.</source>
      <translation>La source n'a pas de géométrie : choisissez ses colonnes de coordonnées.</translation>
    </message>
    <message>
      <source>The mapping of source '{source_id}' is written for '{other}'.</source>
      <translation>La correspondance de la source « {source_id} » est écrite pour « {other} ».</translation>
    </message>
    <message>
      <source>{address}: {error}</source>
      <translation>{address} : {error}</translation>
    </message>
    <message>
      <source>Record ids are not unique ({ids}) in {rows}.</source>
      <translation>Les identifiants d'enregistrement ne sont pas uniques ({ids}) : {rows}.</translation>
    </message>
    <message>
      <source>{label} is required but empty in {rows}.</source>
      <translation>{label} est obligatoire mais vide : {rows}.</translation>
    </message>
    <message>
      <source>{label} must be a date like 2024-03-31, not {values} ({rows}).</source>
      <translation>{label} doit être une date comme 2024-03-31, et non {values} ({rows}).</translation>
    </message>
    <message>
      <source>{label} has values that are not allowed ({values}) in {rows}; allowed: {codes}.</source>
      <translation>{label} a des valeurs non permises ({values}) : {rows}; permises : {codes}.</translation>
    </message>
    <message>
      <source>The coordinate columns are not in the source.</source>
      <translation>Les colonnes de coordonnées ne sont pas dans la source.</translation>
    </message>
    <message>
      <source>Coordinates are not numbers in {rows}.</source>
      <translation>Les coordonnées ne sont pas des nombres : {rows}.</translation>
    </message>
    <message>
      <source>{rows} have no location.</source>
      <translation>{rows} : aucun emplacement.</translation>
    </message>
    <message>
      <source>{rows} fall outside Canada once read as {crs}. {hint}</source>
      <translation>{rows} : hors du Canada une fois lues en {crs}. {hint}</translation>
    </message>
    <message>
      <source>{name} reads column '{column}', which the source does not have.</source>
      <translation>{name} lit la colonne « {column} », que la source n'a pas.</translation>
    </message>
    <message>
      <source>records the server's pages left out were fetched by object id</source>
      <translation>les enregistrements omis par les pages du serveur ont été récupérés par identifiant d'objet</translation>
    </message>
    <message>
      <source>{service_url} is a service with {count} layers ({listing}), not a layer: paste the address of the layer to load, for example {service_url}/{first}.</source>
      <translation>{service_url} est un service de {count} couches ({listing}), pas une couche : collez l'adresse de la couche à charger, par exemple {service_url}/{first}.</translation>
    </message>
    <message>
      <source>{url} still had more records after {pages} pages{small}; stopped so as not to loop forever. Narrow the 'where' filter or raise the connector's 'max_pages'.</source>
      <translation>{url} avait encore des enregistrements après {pages} pages{small}; arrêt pour ne pas boucler sans fin. Resserrez le filtre 'where' ou augmentez le 'max_pages' du connecteur.</translation>
    </message>
    <message>
      <source>{address} is not the address of an ArcGIS FeatureServer or MapServer layer: paste the address ending in /FeatureServer/&lt;layer number&gt; or /MapServer/&lt;layer number&gt; (the layer's REST page).</source>
      <translation>{address} n'est pas l'adresse d'une couche ArcGIS FeatureServer ou MapServer : collez l'adresse qui se termine par /FeatureServer/&lt;numéro de couche&gt; ou /MapServer/&lt;numéro de couche&gt; (la page REST de la couche).</translation>
    </message>
    <message>
      <source>ArcGIS output format must be 'geojson' or 'json', not {out_format!r}.</source>
      <translation>Le format de sortie ArcGIS doit être 'geojson' ou 'json', pas {out_format!r}.</translation>
    </message>
    <message>
      <source> (the server sends {step} records a page, fewer than the {page} asked for)</source>
      <translation> (le serveur envoie {step} enregistrements par page, moins que les {page} demandés)</translation>
    </message>
    <message>
      <source>{layer_url} has {count} records: more than {max_pages} pages of {step}{fewer}. Narrow the 'where' filter or raise the connector's 'max_pages'.</source>
      <translation>{layer_url} a {count} enregistrements : plus de {max_pages} pages de {step}{fewer}. Resserrez le filtre 'where' ou augmentez le 'max_pages' du connecteur.</translation>
    </message>
    <message>
      <source>(the server sent as few as {received} records a page, fewer than the {page} asked for)</source>
      <translation>(le serveur a envoyé aussi peu que {received} enregistrements par page, moins que les {page} demandés)</translation>
    </message>
    <message>
      <source>{layer_url} can neither page (supportsPagination) nor list its object ids; it cannot be loaded completely.</source>
      <translation>{layer_url} ne peut ni paginer (supportsPagination) ni lister ses identifiants d'objet; il ne peut pas être chargé en entier.</translation>
    </message>
    <message>
      <source>{layer_url} has {ids_count} records, more than {max_pages} pages of {page}: raise the connector's 'max_pages' or narrow the 'where' filter.</source>
      <translation>{layer_url} a {ids_count} enregistrements, plus de {max_pages} pages de {page} : augmentez le 'max_pages' du connecteur ou resserrez le filtre 'where'.</translation>
    </message>
    <message>
      <source>{layer_url}: got {raw_count} of {count} records because the server's pages stopped before its count and it cannot list its object ids to find the rest; nothing was loaded.</source>
      <translation>{layer_url} : {raw_count} enregistrements reçus sur {count}, car les pages du serveur se sont arrêtées avant son décompte et il ne peut pas lister ses identifiants d'objet pour trouver le reste; rien n'a été chargé.</translation>
    </message>
    <message>
      <source>{url} did not answer with a JSON object.</source>
      <translation>{url} n'a pas répondu par un objet JSON.</translation>
    </message>
    <message>
      <source>The ArcGIS service at {url} reported error {code}: {message}{details}.</source>
      <translation>Le service ArcGIS à {url} a signalé l'erreur {code} : {message}{details}.</translation>
    </message>
    <message>
      <source>{layer_url} sent the same page twice (offset {offset}): it seems to ignore resultOffset. Set a smaller page size or ask the publisher; nothing was loaded.</source>
      <translation>{layer_url} a envoyé deux fois la même page (décalage {offset}) : il semble ignorer resultOffset. Choisissez une taille de page plus petite ou consultez l'éditeur; rien n'a été chargé.</translation>
    </message>
    <message>
      <source>{layer_url}: got {raw_count} of {all_ids_count} records because the server's pages left some out and it did not return them when asked by object id ({shown}); nothing was loaded.</source>
      <translation>{layer_url} : {raw_count} enregistrements reçus sur {all_ids_count}, car les pages du serveur en ont omis et il ne les a pas renvoyés quand on les a demandés par identifiant d'objet ({shown}); rien n'a été chargé.</translation>
    </message>
    <message>
      <source>the server's count ({count}) disagrees with its {ids} object ids: all {loaded} records with an object id were loaded</source>
      <translation>le décompte du serveur ({count}) ne concorde pas avec ses {ids} identifiants d'objet : les {loaded} enregistrements qui ont un identifiant d'objet ont tous été chargés</translation>
    </message>
    <message>
      <source>{layer_url} sent the same page for offsets {seen} and {offset}: it seems to ignore resultOffset. Nothing was loaded.</source>
      <translation>{layer_url} a envoyé la même page pour les décalages {seen} et {offset} : il semble ignorer resultOffset. Rien n'a été chargé.</translation>
    </message>
    <message>
      <source>{got} of {count}</source>
      <translation>{got} sur {count}</translation>
    </message>
    <message>
      <source>{layer_url}: got {got} records because the server sent an empty page at offset {offset} while saying more records exist (exceededTransferLimit); nothing was loaded.</source>
      <translation>{layer_url} : {got} enregistrements reçus, car le serveur a envoyé une page vide au décalage {offset} tout en disant qu'il en reste (exceededTransferLimit); rien n'a été chargé.</translation>
    </message>
    <message>
      <source>Resource '{resource}' has format {format!r}, which cannot be loaded.</source>
      <translation>La ressource « {resource} » est au format {format!r}, qui ne peut pas être chargé.</translation>
    </message>
    <message>
      <source>Dataset '{dataset_id}' has no GeoJSON, CSV, ArcGIS or WFS resource (formats: {found}).</source>
      <translation>Le jeu de données « {dataset_id} » n'a aucune ressource GeoJSON, CSV, ArcGIS ou WFS (formats : {found}).</translation>
    </message>
    <message>
      <source>CKAN at {base_url} could not show dataset '{dataset_id}': {message}.</source>
      <translation>Le CKAN à {base_url} n'a pas pu afficher le jeu de données « {dataset_id} » : {message}.</translation>
    </message>
    <message>
      <source>Dataset '{dataset_id}' has no resource '{resource_id}'.</source>
      <translation>Le jeu de données « {dataset_id} » n'a pas de ressource « {resource_id} ».</translation>
    </message>
    <message>
      <source>CKAN resource '{resource}' is labelled {format} but holds {content}: read as {content}</source>
      <translation>la ressource CKAN « {resource} » est étiquetée {format} mais contient du {content} : lue comme du {content}</translation>
    </message>
    <message>
      <source>Dataset '{dataset_id}' is served by WFS: give its 'type_name' in the catalogue.</source>
      <translation>Le jeu de données « {dataset_id} » est servi par WFS : donnez son 'type_name' dans le catalogue.</translation>
    </message>
    <message>
      <source>{where} holds {kind}, not CSV, GeoJSON, a ZIP archive or a GeoPackage (an error report from a server?).</source>
      <translation>{where} contient {kind}, pas du CSV, du GeoJSON, une archive ZIP ou un GeoPackage (un rapport d'erreur d'un serveur?).</translation>
    </message>
    <message>
      <source>{where} holds {kind}, not CSV, GeoJSON, a ZIP archive or a GeoPackage.</source>
      <translation>{where} contient {kind}, pas du CSV, du GeoJSON, une archive ZIP ou un GeoPackage.</translation>
    </message>
    <message>
      <source> (it looks like UTF-16 without a byte-order mark: 'utf-16-le')</source>
      <translation> (il ressemble à de l'UTF-16 sans indicateur d'ordre des octets : 'utf-16-le')</translation>
    </message>
    <message>
      <source>numbers with a decimal comma read as numbers in columns {columns}</source>
      <translation>nombres à virgule décimale lus comme des nombres dans les colonnes {columns}</translation>
    </message>
    <message>
      <source>numbers with a decimal comma read as numbers in column {columns}</source>
      <translation>nombres à virgule décimale lus comme des nombres dans la colonne {columns}</translation>
    </message>
    <message>
      <source>commas</source>
      <translation>des virgules</translation>
    </message>
    <message>
      <source>semicolons</source>
      <translation>des points-virgules</translation>
    </message>
    <message>
      <source>tabs</source>
      <translation>des tabulations</translation>
    </message>
    <message>
      <source>vertical bars</source>
      <translation>des barres verticales</translation>
    </message>
    <message>
      <source>{where}: cannot tell the text encoding from the bytes (not UTF-8, UTF-16 with a byte-order mark or Windows-1252){hint}. Give it in the connector's 'encoding' option, for example "encoding": "latin-1".</source>
      <translation>{where} : impossible de déduire l'encodage du texte à partir des octets (ni UTF-8, ni UTF-16 avec indicateur d'ordre des octets, ni Windows-1252){hint}. Indiquez-le dans l'option 'encoding' du connecteur, par exemple "encoding": "latin-1".</translation>
    </message>
    <message>
      <source>{where} leads to a web page, not a data file (a download page?): give the file's direct address.</source>
      <translation>{where} mène à une page Web, pas à un fichier de données (une page de téléchargement?) : donnez l'adresse directe du fichier.</translation>
    </message>
    <message>
      <source>{where} is an Excel workbook: save the sheet as CSV (UTF-8) and load that file.</source>
      <translation>{where} est un classeur Excel : enregistrez la feuille en CSV (UTF-8) et chargez ce fichier.</translation>
    </message>
    <message>
      <source>{where} is empty.</source>
      <translation>{where} est vide.</translation>
    </message>
    <message>
      <source>{where}: the header row has empty or repeated column names.</source>
      <translation>{where} : la ligne d'en-tête a des noms de colonnes vides ou répétés.</translation>
    </message>
    <message>
      <source>{where}: lines {lines} have a different number of columns than the header ({width}, separated by {delimiter}).</source>
      <translation>{where} : les lignes {lines} n'ont pas le même nombre de colonnes que l'en-tête ({width}, séparées par {delimiter}).</translation>
    </message>
    <message>
      <source>read as {encoding} text</source>
      <translation>lu comme du texte {encoding}</translation>
    </message>
    <message>
      <source>{where} is JSON but not a GeoJSON FeatureCollection nor a list of records.</source>
      <translation>{where} est du JSON mais ni une FeatureCollection GeoJSON ni une liste d'enregistrements.</translation>
    </message>
    <message>
      <source>{where}: 'features' is missing or not a list.</source>
      <translation>{where} : 'features' est absent ou n'est pas une liste.</translation>
    </message>
    <message>
      <source>{location}: unsupported 'crs' member {name!r}.</source>
      <translation>{location} : membre 'crs' non pris en charge {name!r}.</translation>
    </message>
    <message>
      <source>{where} is a ZIP archive of {count} files, more than the {limit} allowed; nothing was unpacked.</source>
      <translation>{where} est une archive ZIP de {count} fichiers, plus que les {limit} permis; rien n'a été décompressé.</translation>
    </message>
    <message>
      <source>{where} would unpack to {size} MB, more than the {limit} MB allowed; nothing was unpacked.</source>
      <translation>{where} occuperait {size} Mo une fois décompressé, plus que les {limit} Mo permis; rien n'a été décompressé.</translation>
    </message>
    <message>
      <source>The delimiter {delimiter} is not one of: comma, semicolon, tab, vertical bar (',', ';', '\t', '|').</source>
      <translation>Le délimiteur {delimiter} n'est pas l'un de ceux-ci : virgule, point-virgule, tabulation, barre verticale (',', ';', '\t', '|').</translation>
    </message>
    <message>
      <source>{where} is not valid JSON: {msg} at line {lineno}.</source>
      <translation>{where} n'est pas du JSON valide : {msg} à la ligne {lineno}.</translation>
    </message>
    <message>
      <source>{where} is a damaged ZIP archive ({exc}).</source>
      <translation>{where} est une archive ZIP endommagée ({exc}).</translation>
    </message>
    <message>
      <source>{where} has no member {member!r}; it holds: {names}.</source>
      <translation>{where} n'a pas de membre {member!r}; il contient : {names}.</translation>
    </message>
    <message>
      <source>{where}: GDAL cannot read {member} in the archive ({exc}).</source>
      <translation>{where} : GDAL ne peut pas lire {member} dans l'archive ({exc}).</translation>
    </message>
    <message>
      <source>{where}: GDAL cannot read {what} ({exc}).</source>
      <translation>{where} : GDAL ne peut pas lire {what} ({exc}).</translation>
    </message>
    <message>
      <source>{where}: unknown encoding {encoding!r} in the connector's 'encoding' option.</source>
      <translation>{where} : encodage inconnu {encoding!r} dans l'option 'encoding' du connecteur.</translation>
    </message>
    <message>
      <source>{where} is not valid {encoding} (byte {start}); give the file's real encoding in the connector's 'encoding' option (for example cp1252).</source>
      <translation>{where} n'est pas du {encoding} valide (octet {start}); indiquez le véritable encodage du fichier dans l'option 'encoding' du connecteur (par exemple cp1252).</translation>
    </message>
    <message>
      <source>{location}: feature {number} is a {geometry}; service points must be points.</source>
      <translation>{location} : l'entité {number} est un {geometry}; les points de service doivent être des points.</translation>
    </message>
    <message>
      <source>{location}: feature {number} has invalid coordinates {coords!r}.</source>
      <translation>{location} : l'entité {number} a des coordonnées invalides {coords!r}.</translation>
    </message>
    <message>
      <source>nothing</source>
      <translation>rien</translation>
    </message>
    <message>
      <source>{where} is a ZIP archive without a CSV, GeoJSON, Shapefile or GeoPackage; it holds: {names}.</source>
      <translation>{where} est une archive ZIP sans CSV, GeoJSON, Shapefile ni GeoPackage; elle contient : {names}.</translation>
    </message>
    <message>
      <source>{where} is a ZIP archive holding several data files ({files}): name the one to load in the connector's 'member' option.</source>
      <translation>{where} est une archive ZIP qui contient plusieurs fichiers de données ({files}) : nommez celui à charger dans l'option 'member' du connecteur.</translation>
    </message>
    <message>
      <source>{where}: expected one point layer, found {found}.</source>
      <translation>{where} : une couche de points attendue, trouvé {found}.</translation>
    </message>
    <message>
      <source>the file</source>
      <translation>le fichier</translation>
    </message>
    <message>
      <source>{where}: feature {number} is a MultiPoint of several points.</source>
      <translation>{where} : l'entité {number} est un MultiPoint de plusieurs points.</translation>
    </message>
    <message>
      <source>no layer</source>
      <translation>aucune couche</translation>
    </message>
    <message>
      <source>{url}: got {got} of {matched} items (numberMatched) because the server's pages stopped early; nothing was loaded.</source>
      <translation>{url} : {got} éléments reçus sur {matched} (numberMatched), car les pages du serveur se sont arrêtées trop tôt; rien n'a été chargé.</translation>
    </message>
    <message>
      <source>{url}: got {got} of {matched} items (numberMatched) because the server's pages held more items than it counted; nothing was loaded.</source>
      <translation>{url} : {got} éléments reçus sur {matched} (numberMatched), car les pages du serveur contenaient plus d'éléments qu'il n'en comptait; rien n'a été chargé.</translation>
    </message>
    <message>
      <source>{base_url} is an OGC API with {count} collections ({listing}): set the connector's 'collection' to the one to load, or paste its address, for example {base_url}/collections/{example}.</source>
      <translation>{base_url} est une OGC API de {count} collections ({listing}) : indiquez celle à charger dans le 'collection' du connecteur, ou collez son adresse, par exemple {base_url}/collections/{example}.</translation>
    </message>
    <message>
      <source>{url}: more than {pages} pages{total} would be needed{small}; stopped so as not to loop forever. Raise the connector's 'max_pages' or narrow the bbox.</source>
      <translation>{url} : plus de {pages} pages{total} seraient nécessaires{small}; arrêt pour ne pas boucler sans fin. Augmentez le 'max_pages' du connecteur ou resserrez le 'bbox'.</translation>
    </message>
    <message>
      <source>{url} did not answer with a GeoJSON FeatureCollection.</source>
      <translation>{url} n'a pas répondu par une FeatureCollection GeoJSON.</translation>
    </message>
    <message>
      <source>{url} says it returned {returned} items (numberReturned) but sent {sent}; the answer seems cut short. Nothing was loaded.</source>
      <translation>{url} dit avoir renvoyé {returned} éléments (numberReturned) mais en a envoyé {sent}; la réponse semble tronquée. Rien n'a été chargé.</translation>
    </message>
    <message>
      <source>because the server sends {page_size} items a page, fewer than the {limit} asked for (it caps 'limit')</source>
      <translation>parce que le serveur envoie {page_size} éléments par page, moins que les {limit} demandés (il plafonne 'limit')</translation>
    </message>
    <message>
      <source>of {matched} items</source>
      <translation>de {matched} éléments</translation>
    </message>
    <message>
      <source>{url}: the 'next' links loop back to a page already read; stopped.</source>
      <translation>{url} : les liens 'next' reviennent à une page déjà lue; arrêté.</translation>
    </message>
    <message>
      <source>{items_url} sent the same items for offsets {seen} and {offset}: it seems to ignore 'offset'. Nothing was loaded.</source>
      <translation>{items_url} a envoyé les mêmes éléments pour les décalages {seen} et {offset} : il semble ignorer 'offset'. Rien n'a été chargé.</translation>
    </message>
    <message>
      <source>{url}: got {got} of {matched} features (numberMatched) because the server sent an empty page before the end; nothing was loaded.</source>
      <translation>{url} : {got} entités reçues sur {matched} (numberMatched), car le serveur a envoyé une page vide avant la fin; rien n'a été chargé.</translation>
    </message>
    <message>
      <source>{url}: got {got} of {matched} features (numberMatched) because the server sent more than it counted; nothing was loaded.</source>
      <translation>{url} : {got} entités reçues sur {matched} (numberMatched), car le serveur en a envoyé plus qu'il n'en comptait; rien n'a été chargé.</translation>
    </message>
    <message>
      <source>{url} sent XML with a document type definition; refused for safety.</source>
      <translation>{url} a envoyé du XML avec une définition de type de document; refusé par sécurité.</translation>
    </message>
    <message>
      <source>The WFS at {url} reported an error: {details}.</source>
      <translation>Le WFS à {url} a signalé une erreur : {details}.</translation>
    </message>
    <message>
      <source>{url} sent points in several CRSs ({items}).</source>
      <translation>{url} a envoyé des points dans plusieurs SCR ({items}).</translation>
    </message>
    <message>
      <source>GML srsName {srs!r} is not an EPSG code; it cannot be read.</source>
      <translation>Le srsName GML {srs!r} n'est pas un code EPSG; il ne peut pas être lu.</translation>
    </message>
    <message>
      <source>WFS version must be 2.0.0 or 1.1.0, not {version!r}.</source>
      <translation>La version WFS doit être 2.0.0 ou 1.1.0, pas {version!r}.</translation>
    </message>
    <message>
      <source>WFS output format must be 'geojson' or 'gml', not {out_format!r}.</source>
      <translation>Le format de sortie WFS doit être 'geojson' ou 'gml', pas {out_format!r}.</translation>
    </message>
    <message>
      <source> (the server sent as few as {smallest} features a page, fewer than the {page_size} asked for)</source>
      <translation> (le serveur a envoyé aussi peu que {smallest} entités par page, moins que les {page_size} demandées)</translation>
    </message>
    <message>
      <source>{url} still had features after {max_pages} pages{small}; stopped so as not to loop forever. Raise the connector's 'max_pages'.</source>
      <translation>{url} avait encore des entités après {max_pages} pages{small}; arrêté pour ne pas boucler sans fin. Augmentez le 'max_pages' du connecteur.</translation>
    </message>
    <message>
      <source>{url} sent malformed XML ({exc}).</source>
      <translation>{url} a envoyé du XML mal formé ({exc}).</translation>
    </message>
    <message>
      <source>no details</source>
      <translation>aucun détail</translation>
    </message>
    <message>
      <source>{url} sent the same page twice: it seems to ignore STARTINDEX; stopped.</source>
      <translation>{url} a envoyé deux fois la même page : il semble ignorer STARTINDEX; arrêté.</translation>
    </message>
    <message>
      <source>{url} did not answer with a WFS FeatureCollection (got &lt;{tag}&gt;).</source>
      <translation>{url} n'a pas répondu par une FeatureCollection WFS (reçu &lt;{tag}&gt;).</translation>
    </message>
    <message>
      <source>{url} answered XML although GeoJSON was asked for.</source>
      <translation>{url} a répondu en XML alors que du GeoJSON était demandé.</translation>
    </message>
    <message>
      <source>{url} sent invalid or truncated JSON ({exc}).</source>
      <translation>{url} a envoyé du JSON invalide ou tronqué ({exc}).</translation>
    </message>
    <message>
      <source>{source_id}: {total} points ({added} added, {changed} changed, {removed} removed)</source>
      <translation>{source_id} : {total} points ({added} ajoutés, {changed} modifiés, {removed} retirés)</translation>
    </message>
    <message>
      <source>Invalid source id {source_id!r}.</source>
      <translation>Identifiant de source invalide {source_id!r}.</translation>
    </message>
    <message>
      <source>Writing source '{source_id}' to {path} failed ({exc}); the store was left as it was.</source>
      <translation>L'écriture de la source « {source_id} » dans {path} a échoué ({exc}); le dépôt est resté tel quel.</translation>
    </message>
    <message>
      <source>Cannot open the GeoPackage {path}: {exc}</source>
      <translation>Impossible d'ouvrir le GeoPackage {path} : {exc}</translation>
    </message>
    <message>
      <source>Cannot read service points from {path}: {exc}.</source>
      <translation>Impossible de lire les points de service de {path} : {exc}.</translation>
    </message>
    <message>
      <source>point</source>
      <translation>point de service</translation>
    </message>
    <message>
      <source>The changeset does not match the columns listed in the manifest.</source>
      <translation>L'ensemble de modifications ne correspond pas aux colonnes énumérées dans le manifeste.</translation>
    </message>
    <message>
      <source>A change in the changeset has no feature id.</source>
      <translation>Une modification de l'ensemble de modifications n'a pas d'identifiant d'entité.</translation>
    </message>
    <message>
      <source>{name} has no {table} table.</source>
      <translation>{name} n'a pas de table {table}.</translation>
    </message>
    <message>
      <source>The checkout's {table} has columns outside the schema: {columns}.</source>
      <translation>La table {table} de l'extrait a des colonnes hors du schéma : {columns}.</translation>
    </message>
    <message>
      <source>The changeset cannot be read ({exc}).</source>
      <translation>L'ensemble de modifications est illisible ({exc}).</translation>
    </message>
    <message>
      <source>The changeset changes table '{table}', which a submission may not.</source>
      <translation>L'ensemble de modifications modifie la table « {table} », ce qu'une soumission ne peut pas faire.</translation>
    </message>
    <message>
      <source>A geometry in the changeset is not a GeoPackage point.</source>
      <translation>Une géométrie de l'ensemble de modifications n'est pas un point GeoPackage.</translation>
    </message>
    <message>
      <source>Cannot compare {name} with its base ({exc}). Was a column added, removed or renamed? Keep the checkout's structure as it was; only edit values.</source>
      <translation>Impossible de comparer {name} à sa base ({exc}). Une colonne a-t-elle été ajoutée, retirée ou renommée? Gardez la structure de l'extrait telle quelle; modifiez seulement les valeurs.</translation>
    </message>
    <message>
      <source>{name}: the base copy of the checkout is missing.</source>
      <translation>{name} : la copie de base de l'extrait est absente.</translation>
    </message>
    <message>
      <source>{name} is not a service-point checkout (use 'Check out service points' first).</source>
      <translation>{name} n'est pas un extrait de points de service (utilisez d'abord « Extraire des points de service »).</translation>
    </message>
    <message>
      <source>{name}: the checkout record is incomplete or damaged.</source>
      <translation>{name} : l'enregistrement de l'extrait est incomplet ou endommagé.</translation>
    </message>
    <message>
      <source>The point ids of this submission could not be checked; nothing was written.</source>
      <translation>Les identifiants de points de cette soumission n'ont pas pu être vérifiés; rien n'a été écrit.</translation>
    </message>
    <message>
      <source>{field}: {result}</source>
      <translation>{field} : {result}</translation>
    </message>
    <message>
      <source>The decisions are a JSON object: conflict key → {choice, value}.</source>
      <translation>Les décisions sont un objet JSON : clé de conflit → {choice, value}.</translation>
    </message>
    <message>
      <source>the shared store has no record of the deleted point, so it cannot be restored</source>
      <translation>le dépôt partagé n'a aucune trace du point supprimé, qui ne peut donc pas être rétabli</translation>
    </message>
    <message>
      <source>{noun} {point}: {why}</source>
      <translation>{noun} {point} : {why}</translation>
    </message>
    <message>
      <source>row {row}</source>
      <translation>ligne {row}</translation>
    </message>
    <message>
      <source>{field} was changed in the shared store and in the submission</source>
      <translation>{field} a été modifié dans le dépôt partagé et dans la soumission</translation>
    </message>
    <message>
      <source>the {noun} was deleted in the shared store after checkout; the submission changes its {field}</source>
      <translation>le {noun} a été supprimé du dépôt partagé après l'extraction; la soumission modifie son {field}</translation>
    </message>
    <message>
      <source>the submission deletes the {noun}, but its {field} was changed in the shared store after checkout</source>
      <translation>la soumission supprime le {noun}, mais son {field} a été modifié dans le dépôt partagé après l'extraction</translation>
    </message>
    <message>
      <source>the {noun} was also added to the shared store by someone else, with another {field}</source>
      <translation>le {noun} a aussi été ajouté au dépôt partagé par quelqu'un d'autre, avec un autre {field}</translation>
    </message>
    <message>
      <source>{field} {submitted} is already used by {noun} {other}</source>
      <translation>{field} {submitted} est déjà utilisé par le {noun} {other}</translation>
    </message>
    <message>
      <source>it links service point {other}, which the shared store does not have (deleted after checkout)</source>
      <translation>il relie le point de service {other}, que le dépôt partagé n'a pas (supprimé après l'extraction)</translation>
    </message>
    <message>
      <source>Point {point}{name} belongs to jurisdiction {owner}, but the submission comes from {who}: the whole submission was refused.</source>
      <translation>Le point {point}{name} relève de l'administration {owner}, mais la soumission vient de {who} : toute la soumission a été refusée.</translation>
    </message>
    <message>
      <source>(base {base}, shared store {store}, submission {submitted})</source>
      <translation>(base {base}, dépôt partagé {store}, soumission {submitted})</translation>
    </message>
    <message>
      <source>The decisions are not valid JSON ({exc}).</source>
      <translation>Les décisions ne sont pas du JSON valide ({exc}).</translation>
    </message>
    <message>
      <source>Decision {key}: choose 'store', 'submission' or 'value'.</source>
      <translation>Décision {key} : choisissez 'store', 'submission' ou 'value'.</translation>
    </message>
    <message>
      <source>(contributor {contributor})</source>
      <translation>(contributeur {contributor})</translation>
    </message>
    <message>
      <source>Partnership {partnership}{name} involves none of jurisdiction {jurisdiction}'s service points ({points}), but the submission comes from {who}: the whole submission was refused.</source>
      <translation>Le partenariat {partnership}{name} ne vise aucun des points de service de l'administration {jurisdiction} ({points}), mais la soumission vient de {who} : toute la soumission a été refusée.</translation>
    </message>
    <message>
      <source>Point {point}: keep the store's point or take the submission's; a value cannot be typed for a whole point.</source>
      <translation>Point {point} : gardez le point du dépôt ou prenez celui de la soumission; on ne peut pas saisir une valeur pour un point entier.</translation>
    </message>
    <message>
      <source>; {detail}</source>
      <translation>; {detail}</translation>
    </message>
    <message>
      <source>none listed</source>
      <translation>aucun indiqué</translation>
    </message>
    <message>
      <source>(top level)</source>
      <translation>(niveau supérieur)</translation>
    </message>
    <message>
      <source>{noun} {row}, field {field}</source>
      <translation>{noun} {row}, champ {field}</translation>
    </message>
    <message>
      <source>{name} is {size} bytes, more than the {max_bytes} a package may hold.</source>
      <translation>{name} fait {size} octets, plus que les {max_bytes} qu'un paquet peut contenir.</translation>
    </message>
    <message>
      <source>{name}: the changeset does not match the checksum in the manifest; the package was altered or damaged on the way. Ask the contributor to build it again.</source>
      <translation>{name} : l'ensemble de modifications ne correspond pas à la somme de contrôle du manifeste; le paquet a été altéré ou endommagé en route. Demandez au contributeur de le préparer de nouveau.</translation>
    </message>
    <message>
      <source>{name} contains {shown}; a package holds only {items}. It was refused unopened.</source>
      <translation>{name} contient {shown}; un paquet ne contient que {items}. Il a été refusé sans être ouvert.</translation>
    </message>
    <message>
      <source>{name} has no {missing}.</source>
      <translation>{name} n'a pas de {missing}.</translation>
    </message>
    <message>
      <source>{name}: {filename} unpacks to more than {limit} bytes.</source>
      <translation>{name} : {filename} occupe plus de {limit} octets une fois décompressé.</translation>
    </message>
    <message>
      <source>{name}: manifest field {where}: {message}.</source>
      <translation>{name} : champ {where} du manifeste : {message}.</translation>
    </message>
    <message>
      <source>{name} was made for schema version {schema_version}; this plugin reads {supported_schema_versions}. Update the plugin, or ask for a package in a supported version.</source>
      <translation>{name} a été fait pour la version {schema_version} du schéma; cette extension lit {supported_schema_versions}. Mettez l'extension à jour, ou demandez un paquet dans une version prise en charge.</translation>
    </message>
    <message>
      <source>{name} is not signed, and the geomapping team only accepts signed packages from a shared folder: build it again with your signing key (or submit it to the shared store directly).</source>
      <translation>{name} n'est pas signé, et l'équipe de géomatique n'accepte que des paquets signés dans un dossier partagé : préparez-le de nouveau avec votre clé de signature (ou soumettez-le directement au dépôt partagé).</translation>
    </message>
    <message>
      <source>{name} is already in {folder}: this package was sent before.</source>
      <translation>{name} est déjà dans {folder} : ce paquet a déjà été envoyé.</translation>
    </message>
    <message>
      <source>{name} has no changes since it was checked out.</source>
      <translation>{name} n'a aucune modification depuis son extraction.</translation>
    </message>
    <message>
      <source>Cannot read the package {name}: {strerror}.</source>
      <translation>Impossible de lire le paquet {name} : {strerror}.</translation>
    </message>
    <message>
      <source>{name} is not a submission package (not a zip file).</source>
      <translation>{name} n'est pas un paquet de soumission (ce n'est pas un fichier zip).</translation>
    </message>
    <message>
      <source>{name}: the manifest is not valid JSON ({exc}).</source>
      <translation>{name} : le manifeste n'est pas du JSON valide ({exc}).</translation>
    </message>
    <message>
      <source>{name}: the manifest announces {announced} ({table}) but the changeset holds {counts}.</source>
      <translation>{name} : le manifeste annonce {announced} ({table}), mais l'ensemble de modifications contient {counts}.</translation>
    </message>
    <message>
      <source>{name}: {member} would unpack to {file_size} bytes (limit {limit}).</source>
      <translation>{name} : {member} occuperait {file_size} octets une fois décompressé (limite {limit}).</translation>
    </message>
    <message>
      <source>{name}: the manifest lists table '{table}', which a submission may not change.</source>
      <translation>{name} : le manifeste énumère la table « {table} », qu'une soumission ne peut pas modifier.</translation>
    </message>
    <message>
      <source>{name}: the manifest lists columns outside the schema: {columns}.</source>
      <translation>{name} : le manifeste énumère des colonnes hors du schéma : {columns}.</translation>
    </message>
    <message>
      <source>{where}: the {table} table has no such field.</source>
      <translation>{where} : la table {table} n'a pas ce champ.</translation>
    </message>
    <message>
      <source>{where}: expected text, got {name}.</source>
      <translation>{where} : texte attendu, reçu {name}.</translation>
    </message>
    <message>
      <source>{where}: longer than {max_length} characters.</source>
      <translation>{where} : plus de {max_length} caractères.</translation>
    </message>
    <message>
      <source>{where}: {value} is not an allowed value.</source>
      <translation>{where} : {value} n'est pas une valeur permise.</translation>
    </message>
    <message>
      <source>{where}: a partnership links at least two service points.</source>
      <translation>{where} : un partenariat relie au moins deux points de service.</translation>
    </message>
    <message>
      <source>New {noun} {row}: required field(s) {fields} are empty.</source>
      <translation>Nouveau {noun} {row} : champ(s) obligatoire(s) {fields} vide(s).</translation>
    </message>
    <message>
      <source>{where}: the location {value} is not in Canada.</source>
      <translation>{where} : l'emplacement {value} n'est pas au Canada.</translation>
    </message>
    <message>
      <source>{where}: a value is required.</source>
      <translation>{where} : une valeur est obligatoire.</translation>
    </message>
    <message>
      <source>(no fid)</source>
      <translation>(aucun fid)</translation>
    </message>
    <message>
      <source>The package</source>
      <translation>Le paquet</translation>
    </message>
    <message>
      <source>this database role</source>
      <translation>ce rôle de base de données</translation>
    </message>
    <message>
      <source>database role {user}</source>
      <translation>le rôle de base de données {user}</translation>
    </message>
    <message>
      <source>{what} reviewed: applying it would write {to_write} change(s); nothing was written.</source>
      <translation>{what} — examen : l'appliquer écrirait {to_write} modification(s); rien n'a été écrit.</translation>
    </message>
    <message>
      <source>Give the contributor a reason for the rejection.</source>
      <translation>Donnez au contributeur un motif de refus.</translation>
    </message>
    <message>
      <source>The package is not signed. A package from a shared folder must be signed by its contributor (a signing key registered in the shared store): ask them to build it again with their key.</source>
      <translation>Le paquet n'est pas signé. Un paquet venant d'un dossier partagé doit être signé par son contributeur (une clé de signature enregistrée dans le dépôt partagé) : demandez-lui de le préparer de nouveau avec sa clé.</translation>
    </message>
    <message>
      <source>Submission {id}</source>
      <translation>Soumission {id}</translation>
    </message>
    <message>
      <source>{what} applied: {written} changes, store version {version}.</source>
      <translation>{what} — application faite : {written} modifications, version du dépôt {version}.</translation>
    </message>
    <message>
      <source>{what} not applied: {points} conflict(s) need a decision (keep the store's value, take the submission's, or type one).</source>
      <translation>{what} — rien n'a été appliqué : {points} conflit(s) demandent une décision (garder la valeur du dépôt, prendre celle de la soumission, ou en saisir une).</translation>
    </message>
    <message>
      <source>from {role} ({jurisdiction})</source>
      <translation>de {role} ({jurisdiction})</translation>
    </message>
    <message>
      <source>{what} applied: the store already held every change; store version {version}.</source>
      <translation>{what} — application faite : le dépôt contenait déjà chaque modification; version du dépôt {version}.</translation>
    </message>
    <message>
      <source>The package is signed with key {key_id}, which no contributor of the shared store has registered: ask the DBA to register the contributor's public key, or the contributor to sign with their registered key.</source>
      <translation>Le paquet est signé avec la clé {key_id}, qu'aucun contributeur du dépôt partagé n'a enregistrée : demandez à l'administrateur de la base d'enregistrer la clé publique du contributeur, ou au contributeur de signer avec sa clé enregistrée.</translation>
    </message>
    <message>
      <source>The package's signature does not match (key {key_id} of {signer}): it was changed after it was signed, or signed with another key. It was refused.</source>
      <translation>La signature du paquet ne correspond pas (clé {key_id} de {signer}) : il a été modifié après sa signature, ou signé avec une autre clé. Il a été refusé.</translation>
    </message>
    <message>
      <source>The package is signed by {signer}, but {login} is submitting it: each contributor submits their own packages.</source>
      <translation>Le paquet est signé par {signer}, mais {login} le soumet : chaque contributeur soumet ses propres paquets.</translation>
    </message>
    <message>
      <source>There is no submission {submission_id} in the shared store.</source>
      <translation>Il n'y a pas de soumission {submission_id} dans le dépôt partagé.</translation>
    </message>
    <message>
      <source>Submission {submission_id} is already {status}.</source>
      <translation>La soumission {submission_id} est déjà {status}.</translation>
    </message>
    <message>
      <source>Cannot connect to the shared store ({store}): {exc}. Check the connection and its credentials in QGIS (Data Source Manager › PostgreSQL).</source>
      <translation>Impossible de se connecter au dépôt partagé ({store}) : {exc}. Vérifiez la connexion et ses identifiants dans QGIS (Gestionnaire des sources de données › PostgreSQL).</translation>
    </message>
    <message>
      <source>The shared store refused this as {user}: {exc}.</source>
      <translation>Le dépôt partagé a refusé cette opération pour {user} : {exc}.</translation>
    </message>
    <message>
      <source>Two points would have the same point_id ({detail}); nothing was written. Review the submission again: the point ids are checked against the store as it is now.</source>
      <translation>Deux points auraient le même point_id ({detail}); rien n'a été écrit. Révisez de nouveau la soumission : les identifiants de points sont vérifiés par rapport au dépôt tel qu'il est maintenant.</translation>
    </message>
    <message>
      <source>The connection to the shared store was lost ({exc}); the database rolled the transaction back, nothing was changed. Try again.</source>
      <translation>La connexion au dépôt partagé a été perdue ({exc}); la base de données a annulé la transaction, rien n'a été modifié. Réessayez.</translation>
    </message>
    <message>
      <source>applied</source>
      <translation>appliquée</translation>
    </message>
    <message>
      <source>rejected</source>
      <translation>refusée</translation>
    </message>
    <message>
      <source>The signing key is not an Ed25519 private key.</source>
      <translation>La clé de signature n'est pas une clé privée Ed25519.</translation>
    </message>
    <message>
      <source>An Ed25519 {kind} key is written '{prefix}' followed by base64.</source>
      <translation>Une clé {kind} Ed25519 s'écrit '{prefix}' suivi de base64.</translation>
    </message>
    <message>
      <source>An Ed25519 {kind} key has 32 bytes, this one {raw_count}.</source>
      <translation>Une clé {kind} Ed25519 a 32 octets, celle-ci {raw_count}.</translation>
    </message>
    <message>
      <source>The {kind} key is not valid base64.</source>
      <translation>La clé {kind} n'est pas du base64 valide.</translation>
    </message>
    <message>
      <source>The pages of one source came in different CRSs ({items}).</source>
      <translation>Les pages d'une même source sont arrivées dans des SCR différents ({items}).</translation>
    </message>
    <message>
      <source>unlock QGIS's authentication database (master password) or check the configuration id</source>
      <translation>déverrouillez la base de données d'authentification de QGIS (mot de passe principal) ou vérifiez l'identifiant de la configuration</translation>
    </message>
    <message>
      <source>There is no PostgreSQL connection named '{name}' in QGIS. Add it in Data Source Manager › PostgreSQL (with an authentication configuration for the password).</source>
      <translation>QGIS n'a aucune connexion PostgreSQL nommée « {name} ». Ajoutez-la dans Gestionnaire des sources de données › PostgreSQL (avec une configuration d'authentification pour le mot de passe).</translation>
    </message>
    <message>
      <source>The authentication configuration {authcfg} of this connection cannot be read: {why}.</source>
      <translation>La configuration d'authentification {authcfg} de cette connexion ne peut pas être lue : {why}.</translation>
    </message>
    <message>
      <source>QGIS's Python interpreter was not found next to QGIS.</source>
      <translation>L'interpréteur Python de QGIS est introuvable à côté de QGIS.</translation>
    </message>
    <message>
      <source>QGIS's Python has no pip: install it (Debian/Ubuntu: sudo apt install python3-pip) and try again.</source>
      <translation>Le Python de QGIS n'a pas pip : installez-le (Debian/Ubuntu : sudo apt install python3-pip) et réessayez.</translation>
    </message>
    <message>
      <source>pip could not be run ({error}).</source>
      <translation>pip n'a pas pu être lancé ({error}).</translation>
    </message>
    <message>
      <source>pip exited with {code}</source>
      <translation>pip s'est terminé avec le code {code}</translation>
    </message>
    <message>
      <source>The authentication configuration {authcfg} cannot be read: {why}.</source>
      <translation>La configuration d'authentification {authcfg} ne peut pas être lue : {why}.</translation>
    </message>
    <message>
      <source>The authentication configuration {authcfg} uses '{method}'; sources support Basic (user name and password) configurations.</source>
      <translation>La configuration d'authentification {authcfg} utilise « {method} »; les sources prennent en charge les configurations Basic (nom d'utilisateur et mot de passe).</translation>
    </message>
    <message>
      <source>Refusing to send credentials to {url} without https.</source>
      <translation>Refus d'envoyer des identifiants à {url} sans https.</translation>
    </message>
    <message>
      <source>The signing key could not be stored in QGIS's authentication database.</source>
      <translation>La clé de signature n'a pas pu être enregistrée dans la base de données d'authentification de QGIS.</translation>
    </message>
    <message>
      <source>QGIS's authentication database cannot be used: {why}.</source>
      <translation>La base de données d'authentification de QGIS ne peut pas être utilisée : {why}.</translation>
    </message>
    <message>
      <source>The signing key {authcfg} cannot be read: {why}.</source>
      <translation>La clé de signature {authcfg} ne peut pas être lue : {why}.</translation>
    </message>
    <message>
      <source>The authentication configuration {authcfg} ({name}) is not a CRS signing key.</source>
      <translation>La configuration d'authentification {authcfg} ({name}) n'est pas une clé de signature CRS.</translation>
    </message>
    <message>
      <source>within 5 km</source>
      <translation>à moins de 5 km</translation>
    </message>
    <message>
      <source>beyond 50 km</source>
      <translation>à plus de 50 km</translation>
    </message>
    <message>
      <source>within 10 min</source>
      <translation>à moins de 10 min</translation>
    </message>
    <message>
      <source>beyond 60 min</source>
      <translation>à plus de 60 min</translation>
    </message>
    <message>
      <source>served by both networks</source>
      <translation>desservie par les deux réseaux</translation>
    </message>
    <message>
      <source>network A only</source>
      <translation>réseau A seulement</translation>
    </message>
    <message>
      <source>network B only</source>
      <translation>réseau B seulement</translation>
    </message>
    <message>
      <source>neither</source>
      <translation>aucun des deux</translation>
    </message>
    <message>
      <source>no point in reach</source>
      <translation>aucun point à portée</translation>
    </message>
    <message>
      <source>under 0.5</source>
      <translation>moins de 0,5</translation>
    </message>
    <message>
      <source>2 or more</source>
      <translation>2 ou plus</translation>
    </message>
    <message>
      <source>no point within reach</source>
      <translation>aucun point à portée</translation>
    </message>
    <message>
      <source>within {distance}</source>
      <translation>à moins de {distance}</translation>
    </message>
    <message>
      <source>{low} – {high}</source>
      <translation>{low} – {high}</translation>
    </message>
    <message>
      <source>beyond {distance}</source>
      <translation>à plus de {distance}</translation>
    </message>
    <message>
      <source>Distance (m)</source>
      <translation>Distance (m)</translation>
    </message>
    <message>
      <source>Travel time (min)</source>
      <translation>Temps de trajet (min)</translation>
    </message>
    <message>
      <source>Nearest point (id)</source>
      <translation>Point le plus proche (identifiant)</translation>
    </message>
    <message>
      <source>Nearest point</source>
      <translation>Point le plus proche</translation>
    </message>
    <message>
      <source>Nearest point's order of government</source>
      <translation>Ordre de gouvernement du point le plus proche</translation>
    </message>
    <message>
      <source>Rank (1: nearest)</source>
      <translation>Rang (1 : le plus proche)</translation>
    </message>
    <message>
      <source>Served by a region (call centres, digital)</source>
      <translation>Desservie par une région (centres d'appels, numérique)</translation>
    </message>
    <message>
      <source>Accessibility score</source>
      <translation>Score d'accessibilité</translation>
    </message>
    <message>
      <source>Service points in reach</source>
      <translation>Points de service à portée</translation>
    </message>
    <message>
      <source>Gap rank (1: most people)</source>
      <translation>Rang de la lacune (1 : le plus de personnes)</translation>
    </message>
    <message>
      <source>People left out</source>
      <translation>Personnes non desservies</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Population</source>
      <translation>Population</translation>
    </message>
    <message>
      <source>Areas of unknown population</source>
      <translation>Aires de population inconnue</translation>
    </message>
    <message>
      <source>Universe</source>
      <translation>Univers</translation>
    </message>
    <message>
      <source>Share of the universe (0–1)</source>
      <translation>Part de l'univers (0–1)</translation>
    </message>
    <message>
      <source>People served by a region (call centres, digital)</source>
      <translation>Personnes desservies par une région (centres d'appels, numérique)</translation>
    </message>
    <message>
      <source>Headline</source>
      <translation>Fait saillant</translation>
    </message>
    <message>
      <source>% within {distance}</source>
      <translation>% à moins de {distance}</translation>
    </message>
    <message>
      <source>People within {distance}</source>
      <translation>Personnes à moins de {distance}</translation>
    </message>
    <message>
      <source>Share within {distance} (0–1)</source>
      <translation>Part à moins de {distance} (0–1)</translation>
    </message>
    <message>
      <source>Within {distance}</source>
      <translation>À {distance} ou moins</translation>
    </message>
    <message>
      <source>The report template could not be loaded into a layout.</source>
      <translation>Le modèle de rapport n'a pas pu être chargé dans une mise en page.</translation>
    </message>
    <message>
      <source>The report template needs at least two pages: the cover, then a jurisdiction's section.</source>
      <translation>Le modèle de rapport doit avoir au moins deux pages : la couverture, puis la section d'une administration.</translation>
    </message>
    <message>
      <source>The report template {path} is not a QGIS layout template (.qpt).</source>
      <translation>Le modèle de rapport {path} n'est pas un modèle de mise en page QGIS (.qpt).</translation>
    </message>
    <message>
      <source>The PDF could not be written to {path}: {error}.</source>
      <translation>Le PDF n'a pas pu être écrit dans {path} : {error}.</translation>
    </message>
    <message>
      <source>The report template {path} cannot be read: {strerror}.</source>
      <translation>Le modèle de rapport {path} est illisible : {strerror}.</translation>
    </message>
    <message>
      <source>error {code}</source>
      <translation>erreur {code}</translation>
    </message>
    <message>
      <source>The report table {name} could not be written to {gpkg}: {error}</source>
      <translation>La table de rapport {name} n'a pas pu être écrite dans {gpkg} : {error}</translation>
    </message>
    <message>
      <source>The report cannot open {table} in {gpkg}.</source>
      <translation>Le rapport ne peut pas ouvrir {table} dans {gpkg}.</translation>
    </message>
    <message>
      <source>The QGIS project could not be saved into {gpkg}: {error}</source>
      <translation>Le projet QGIS n'a pas pu être enregistré dans {gpkg} : {error}</translation>
    </message>
  </context>
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
      <source>Add source…</source>
      <translation>Ajouter une source…</translation>
    </message>
    <message>
      <source>Add a source from its address (file, ArcGIS REST, OGC API, WFS, CKAN), without writing JSON</source>
      <translation>Ajouter une source à partir de son adresse (fichier, ArcGIS REST, OGC API, WFS, CKAN), sans écrire de JSON</translation>
    </message>
    <message>
      <source>Edit or remove…</source>
      <translation>Modifier ou retirer…</translation>
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
      <source>Reading a source's entry</source>
      <translation>Lecture de l'entrée d'une source</translation>
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
      <source>Error</source>
      <translation>Erreur</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>Avertissement</translation>
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
      <source>Operated by</source>
      <translation>Relevant de</translation>
    </message>
    <message>
      <source>Located in</source>
      <translation>Situé dans</translation>
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
      <source>{} — publisher: {}; licence: {}; last fetched: {}</source>
      <translation>{} — éditeur : {}; licence : {}; dernière récupération : {}</translation>
    </message>
    <message>
      <source>never</source>
      <translation>jamais</translation>
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
      <source>Source {} removed; {} of its points deleted from the store.</source>
      <translation>Source {} retirée; {} de ses points supprimés du dépôt.</translation>
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
      <source>No shared store: open the checkout file the geomapping team sent you (Checkout file), then validate and submit it to the shared folder.</source>
      <translation>Aucun dépôt partagé : ouvrez le fichier d'extrait que l'équipe de géomatique vous a envoyé (Fichier d'extrait), puis validez-le et soumettez-le au dossier partagé.</translation>
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
      <source>Your checkout has unsaved edits: save them (or discard them), validate, then submit.</source>
      <translation>Votre extrait a des modifications non enregistrées : enregistrez-les (ou annulez-les), validez, puis soumettez.</translation>
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
      <source>{} points loaded from 1 source.</source>
      <translation>{} points chargés d'une source.</translation>
    </message>
    <message>
      <source>{} points loaded from {} sources.</source>
      <translation>{} points chargés de {} sources.</translation>
    </message>
    <message>
      <source>The source cannot be edited</source>
      <translation>La source ne peut pas être modifiée</translation>
    </message>
    <message>
      <source>{} points and {} partnerships checked out (base version {}). Edit them, then Validate.</source>
      <translation>{} points et {} partenariats extraits (version de base {}). Modifiez-les, puis validez.</translation>
    </message>
    <message>
      <source>Choose the shared folder (…or shared folder), or a shared store.</source>
      <translation>Choisissez le dossier partagé (…ou dossier partagé), ou un dépôt partagé.</translation>
    </message>
    <message>
      <source>Packages sent through a shared folder are signed: create your signing key (Create my signing key) first.</source>
      <translation>Les paquets envoyés par un dossier partagé sont signés : créez d'abord votre clé de signature (Créer ma clé de signature).</translation>
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
      <source>; {} changed since last refresh.</source>
      <translation> ; {} modifiés depuis la dernière actualisation.</translation>
    </message>
    <message>
      <source>Failed: {} (their previous points are kept; see the log).</source>
      <translation>Échec : {} (leurs points précédents sont conservés; voir le journal).</translation>
    </message>
    <message>
      <source>Your sources are kept in {} (Settings › Options › CRS Service Points).</source>
      <translation>Vos sources sont conservées dans {} (Préférences › Options › CRS Service Points).</translation>
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
  </context>
</TS>
