/** Storage port: notices, hops, deliveries, refusals and dead letters, stored before anything is sent. */
package io.liaison.gateway.store;
