package io.liaison.gateway.inbound.imap;

import io.liaison.gateway.store.JobLock;
import java.util.Optional;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailbox poll's strategy: gateways sharing a database take turns at the mailbox, so one message is
 * fetched, decrypted and verified by one of them (the store would refuse the second copy by its hash, but
 * only after both had done the work). A gateway whose turn it is not skips the poll; the next poll of whoever
 * holds the turn takes what came. A failed poll is logged without the endpoint's address (its parameters
 * carry the mailbox password) and is not retried at once: the next poll comes after the poll delay.
 */
public final class OneGatewayPollsTheMailbox implements PollingConsumerPollStrategy {
    static final String JOB = "imap-poll";
    private static final Logger LOG = LoggerFactory.getLogger(OneGatewayPollsTheMailbox.class);

    private final JobLock jobs;
    // One poller per route: begin, commit and rollback come from the same consumer, one poll at a time.
    private Optional<JobLock.Turn> turn = Optional.empty();

    public OneGatewayPollsTheMailbox(JobLock jobs) {
        this.jobs = jobs;
    }

    @Override
    public synchronized boolean begin(Consumer consumer, Endpoint endpoint) {
        end();
        turn = jobs.tryTake(JOB);
        return turn.isPresent();
    }

    @Override
    public synchronized void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        end();
    }

    @Override
    public synchronized boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        end();
        LOG.warn("the inbound mailbox could not be polled ({}: {}); trying again at the next poll", cause.getClass().getSimpleName(),
                cause.getMessage());
        return false;
    }

    private void end() {
        turn.ifPresent(JobLock.Turn::close);
        turn = Optional.empty();
    }
}
