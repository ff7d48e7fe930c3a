// Test set-up: every fast-check property runs from one fixed seed, so a test run is reproducible (the
// project's determinism rule) and CI cannot fail on a case no one can replay. Set CALISIM_FC_SEED to
// explore other seeds; a failure prints the seed and path to replay it.
import fc from 'fast-check';

const seed = Number(process.env['CALISIM_FC_SEED'] ?? 20261124);
fc.configureGlobal({ seed });
