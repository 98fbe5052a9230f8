package io.liaison.gateway.inbound.corpus;

import java.util.List;

/** One file of the corpus: the cases of one kind of attack or breakage. */
interface CorpusCategory {
    String title();

    List<CorpusCase> cases();
}
