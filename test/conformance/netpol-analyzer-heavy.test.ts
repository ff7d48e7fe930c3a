// conformance: the netpol-analyzer example that takes the reference evaluator longest (638 ipBlock peers).
import { conformanceSuite } from './conformance-suite.js';
import { HEAVY } from './heavy-examples.js';

conformanceSuite('netpol-analyzer heavy', (ex) => HEAVY.includes(ex));
