/** JDBC adapter for the storage port: embedded H2 by default, schema by Flyway migrations, SQL portable to PostgreSQL. */
package io.liaison.gateway.store.jdbc;
