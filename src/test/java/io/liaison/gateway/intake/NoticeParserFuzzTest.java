package io.liaison.gateway.intake;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.inbound.FuzzBudget;
import io.liaison.gateway.testing.MutableClock;
import io.liaison.gateway.testing.SampleDirectory;

/**
 * The notice parser on arbitrary bytes (an operator's file, but still not to be a way to stop the
 * gateway): a draft or a {@link NoticeRejectedException}, nothing else (docs/fuzzing.md).
 */
class NoticeParserFuzzTest {
    private static final Directory DIRECTORY = SampleDirectory.load(MutableClock.sampleDay());

    @FuzzTest(maxDuration = FuzzBudget.DURATION)
    void noticeParser(byte[] yaml) {
        try {
            new NoticeParser(DIRECTORY).parse("fuzz.yaml", yaml);
        } catch (NoticeRejectedException expected) {
            // refused, every problem listed
        }
    }
}
