// Koop with its GeoJSON file provider on 127.0.0.1, for the connector tests.
//   node server.js DATA_DIR
// Serves DATA_DIR/<name>.geojson at /file-geojson/rest/services/<name>/FeatureServer/0 and prints
// the port it listens on (chosen by the system) as its first line.
const path = require('path');
const Koop = require('@koopjs/koop-core');
const provider = require('@koopjs/provider-file-geojson');

// The provider resolves its data folder against the working directory.
process.chdir(path.resolve(process.argv[2]));
const koop = new Koop({ logLevel: 'error' });
koop.register(provider, { dataDir: '.' });
const server = koop.server.listen(0, '127.0.0.1', () => {
  console.log(server.address().port);
});
