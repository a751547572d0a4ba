// Imported before @oclif/core (which checks this at import time): @oclif/core 5 asks for Node 22 but
// runs on the Node 20 we support (package.json engines).
process.env.OCLIF_DISABLE_ENGINE_WARNING ??= '1';

export {};
