package io.liaison.gateway.interfaces.cli;

import io.liaison.gateway.app.TokenAdministration;
import io.liaison.gateway.application.ApiTokens;
import io.liaison.gateway.store.ApiToken;
import io.liaison.gateway.store.ApiTokenScope;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code token create|list|revoke}: API tokens, managed by the local administrator on the gateway host. */
@Command(name = "token", description = "API tokens for machines and the CLI (local administrator on the gateway host).",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
public final class TokenCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        new CommandLine(this).usage(System.err);
        return ExitCodes.REFUSED;
    }

    abstract static class Admin implements Callable<Integer> {
        @CommandLine.Mixin
        GatewayOptions options = new GatewayOptions();

        @Option(names = "--as", required = true, description = "The administrator acting (a person or point of contact id); audited.")
        String admin;

        @Override
        public Integer call() {
            try (TokenAdministration room = new TokenAdministration(options.settings())) {
                return run(room.tokens(), room);
            } catch (IllegalArgumentException | io.liaison.gateway.directory.DirectoryException
                     | io.liaison.gateway.application.ActionRefusedException | io.liaison.gateway.application.UnknownActorException e) {
                System.err.println("refused: " + e.getMessage());
                return ExitCodes.REFUSED;
            }
        }

        abstract Integer run(ApiTokens tokens, TokenAdministration room);
    }

    @Command(name = "create", description = "Issue a token; it is printed once and never again (store it in a file readable by its user only).")
    static final class Create extends Admin {
        @Option(names = "--for", required = true, description = "The point of contact the token acts for.")
        String poc;

        @Option(names = "--person", description = "The directory person the token acts as (optional).")
        String person;

        @Option(names = "--scope", required = true, description = "read or act.")
        String scope;

        @Option(names = "--valid-days", defaultValue = "90", description = "Days until it expires (1..366, default 90).")
        int validDays;

        @Option(names = "--label", defaultValue = "", description = "What the token is for (shown by token list).")
        String label;

        @Override
        Integer run(ApiTokens tokens, TokenAdministration room) {
            ApiTokens.Issued issued = tokens.issue(room.admin(admin), poc, Optional.ofNullable(person), ApiTokenScope.parse(scope),
                    Duration.ofDays(validDays), label);
            System.err.println("token " + issued.token().id() + " for " + poc + " (" + issued.token().scope().yamlName()
                    + "), expires " + issued.token().expiresAt() + ". Shown once:");
            System.out.println(issued.text());
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "Every token: id, holder, scope, expiry, revoked, last used (never a secret).")
    static final class ListTokens extends Admin {
        @Override
        Integer run(ApiTokens tokens, TokenAdministration room) {
            Instant now = Instant.now();
            System.out.printf("%-16s  %-24s %-5s %-20s %-8s %s%n", "ID", "FOR", "SCOPE", "EXPIRES", "STATE", "LABEL");
            for (ApiToken t : tokens.list(room.admin(admin))) {
                String state = t.revokedAt().isPresent() ? "revoked" : t.usableAt(now) ? "active" : "expired";
                System.out.printf("%-16s  %-24s %-5s %-20s %-8s %s%n", t.id(), t.pocId() + t.person().map(p -> "/" + p).orElse(""),
                        t.scope().yamlName(), t.expiresAt().toString().substring(0, 19), state, t.label());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "revoke", description = "Revoke a token at once.")
    static final class Revoke extends Admin {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        Integer run(ApiTokens tokens, TokenAdministration room) {
            if (!tokens.revoke(room.admin(admin), id)) {
                System.err.println("refused: no active token " + id);
                return ExitCodes.REFUSED;
            }
            System.out.println("revoked " + id);
            return ExitCodes.OK;
        }
    }
}
