package io.liaison.gateway.interfaces.cli;

import io.liaison.gateway.directory.DirectoryReloader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kill -HUP <pid>} reloads the directory of a running {@code serve}, as daemons conventionally do. Uses
 * {@code sun.misc.Signal} (module jdk.unsupported, present in every JDK this runs on): the JDK has no supported
 * API for it. Guarded: where the signal cannot be handled (Windows, a JVM started with -Xrs) serve runs on and
 * says so, and {@code directory reload} through the management endpoint still works. The reload runs on the
 * JVM's signal thread; its outcome is logged and audited, never thrown.
 */
final class ReloadOnHangup {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadOnHangup.class);

    private ReloadOnHangup() {
    }

    static void install(DirectoryReloader reloader) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> {
                try {
                    reloader.reload("SIGHUP");
                } catch (RuntimeException e) {
                    LOG.error("directory reload on SIGHUP failed; the directory in force is unchanged", e);
                }
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.warn("SIGHUP cannot be handled here ({}); reload the directory with 'directory reload'", e.getMessage());
        }
    }
}
