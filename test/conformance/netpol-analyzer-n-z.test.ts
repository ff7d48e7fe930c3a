// conformance: netpol-analyzer examples named n..z (see netpol-analyzer.test.ts).
import { conformanceSuite } from './conformance-suite.js';
import { secondShard } from './heavy-examples.js';

conformanceSuite('netpol-analyzer n-z', secondShard);
