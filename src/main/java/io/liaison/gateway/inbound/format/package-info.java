/** The machine-readable part of an inbound message (YAML or JSON inside the signed body): acknowledgements and incident reports. */
package io.liaison.gateway.inbound.format;
