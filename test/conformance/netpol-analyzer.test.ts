// conformance: calisim's connectivity lists against np-guard netpol-analyzer's expected outputs — examples
// named a..m (n..z and the heavy one have their own files to keep each file short).
import { conformanceSuite } from './conformance-suite.js';
import { firstShard } from './heavy-examples.js';

conformanceSuite('netpol-analyzer a-m', firstShard);
