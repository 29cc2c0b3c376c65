<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA" sourcelanguage="en">
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
      <source>The Gaussian decay is set in metres: with travel time, use step weights (in minutes).</source>
      <translation>La décroissance gaussienne est définie en mètres : avec le temps de déplacement, utilisez des poids par paliers (en minutes).</translation>
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
      <source>all service points</source>
      <translation>tous les points de service</translation>
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
      <source>{} call centres and digital services count by their service region.</source>
      <translation>{} centres d'appels et services numériques comptent par leur région desservie.</translation>
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
      <source>The package is not signed: it can be submitted to the shared store with your database login, but not through a shared folder.</source>
      <translation>Le paquet n'est pas signé : il peut être soumis au dépôt partagé avec votre compte de base de données, mais pas par un dossier partagé.</translation>
    </message>
    <message>
      <source>Package {}: {} added, {} changed, {} deleted.</source>
      <translation>Paquet {} : {} ajoutés, {} modifiés, {} supprimés.</translation>
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
      <source>Base version</source>
      <translation>Version de base</translation>
    </message>
    <message>
      <source>{} points of {} checked out at store version {}.</source>
      <translation>{} points de {} extraits à la version {} du dépôt.</translation>
    </message>
    <message>
      <source>The attribute form could not be saved in the GeoPackage: {}</source>
      <translation>Le formulaire d'attributs n'a pas pu être enregistré dans le GeoPackage : {}</translation>
    </message>
    <message>
      <source>Checkout {}</source>
      <translation>Extrait {}</translation>
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
      <source>Order of government</source>
      <translation>Ordre de gouvernement</translation>
    </message>
    <message>
      <source>{} candidate pairs in {} clusters.</source>
      <translation>{} paires candidates dans {} grappes.</translation>
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
      <source>Service point id field</source>
      <translation>Champ identifiant des points de service</translation>
    </message>
    <message>
      <source>Service point name field</source>
      <translation>Champ du nom des points de service</translation>
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
      <source>Headlines</source>
      <translation>Faits saillants</translation>
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
      <source>Publisher</source>
      <translation>Éditeur</translation>
    </message>
    <message>
      <source>Licence</source>
      <translation>Licence</translation>
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
      <source>Service gaps</source>
      <translation>Zones mal desservies</translation>
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
      <source>{:,.0f} minutes</source>
      <translation>{:,.0f} minutes</translation>
    </message>
    <message>
      <source>{:,.0f} m</source>
      <translation>{:,.0f} m</translation>
    </message>
    <message>
      <source>{} areas, {:,.0f} people, are farther than {}.</source>
      <translation>{} aires, {:,.0f} personnes, sont à plus de {}.</translation>
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
      <source>{} points checked out (base version {}). Edit them, then Validate.</source>
      <translation>{} points extraits (version de base {}). Modifiez-les, puis validez.</translation>
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
