// The differential corpus from loadup, first share: see test/support/corpus-suite.ts.
import { defineCorpusTests } from './support/corpus-suite.ts';

defineCorpusTests(0, 2);
