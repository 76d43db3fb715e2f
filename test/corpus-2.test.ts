// The differential corpus from loadup, second share: see test/support/corpus-suite.ts.
import { defineCorpusTests } from './support/corpus-suite.ts';

defineCorpusTests(1, 2);
