/** How times are shown to people: one format, the zone always named. */
package io.liaison.gateway.time;
