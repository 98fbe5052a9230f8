/** Numbering: systematic reference numbers (体系立った採番) by type and priority, from a persisted counter. */
package io.liaison.gateway.numbering;
