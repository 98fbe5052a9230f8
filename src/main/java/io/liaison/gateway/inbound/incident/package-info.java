/** Incident threads: reports numbered within their incident (第N報) and relayed to the sector's ministry and NISC. */
package io.liaison.gateway.inbound.incident;
