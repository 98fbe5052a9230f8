/**
 * Quarterly statistics (DOMAIN.md flow 14, seed 004): how much was shared with and by NISC, broken down by event
 * and by cause, counted from stored traffic only and never from exercises; Japanese fiscal year (April–March),
 * quarters in Asia/Tokyo; written as CSV (UTF-8 with BOM, for Excel) and as an HTML page with bar charts.
 */
package io.liaison.gateway.stats;
