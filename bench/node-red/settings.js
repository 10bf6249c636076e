// Node-RED settings of the ingestion benchmark: headless, bound to 127.0.0.1, nothing installed at run time.
// bench/ingestion.sh passes the user directory (a temporary folder) and sets the ports through BENCH_* variables.
module.exports = {
    uiHost: "127.0.0.1",
    uiPort: Number(process.env.BENCH_NODE_RED_PORT || 1880),
    flowFile: "flows.json",
    flowFilePretty: true,
    credentialSecret: false,
    // No editor and no admin API: the flow is fixed, and nothing should be deployed into a running benchmark.
    httpAdminRoot: false,
    httpNodeRoot: false,
    // node-red-contrib-influxdb is installed beside node-red, in bench/node-red/node_modules.
    nodesDir: [],
    externalModules: {
        autoInstall: false,
        palette: { allowInstall: false },
        modules: { allowInstall: false },
    },
    diagnostics: { enabled: false },
    telemetry: { enabled: false },
    logging: {
        console: { level: "info", metrics: false, audit: false },
    },
    functionExternalModules: false,
    exportGlobalContextKeys: false,
};
