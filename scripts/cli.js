#!/usr/bin/env node
/** `npm run --silent cli -- <command>`: the command-line application, straight from the sources. */
require('./register');
require('../apps/cli/src/main.ts');
