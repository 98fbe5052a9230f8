package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * H2 indexes every foreign key column by itself, so on H2 the named indexes {@code delivery_reference}
 * (V1) and {@code delivery_hop} (V6) are second copies of the foreign keys' own: every delivery
 * stored wrote six index entries where four serve the same queries, and a fan-out to ten thousand
 * contacts stores twenty thousand deliveries before its first message leaves. PostgreSQL indexes no
 * foreign key by itself and needs the named ones, so they stay there.
 */
public class V7__Drop_delivery_indexes_h2_keeps_twice extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"H2".equalsIgnoreCase(product)) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("DROP INDEX IF EXISTS delivery_reference");
            s.execute("DROP INDEX IF EXISTS delivery_hop");
        }
    }
}
