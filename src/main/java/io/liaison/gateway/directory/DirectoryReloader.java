package io.liaison.gateway.directory;

/** Reads the directory file again and puts it in force whole, or refuses it whole. */
@FunctionalInterface
public interface DirectoryReloader {

    /** @param via how the reload was asked for ({@code SIGHUP}, {@code management endpoint}), for the log and the audit trail */
    ReloadReport reload(String via);
}
