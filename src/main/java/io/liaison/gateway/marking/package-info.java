/** Handling markings (TLP 2.0 with Japanese labels) and how they are shown at a glance on every channel. */
package io.liaison.gateway.marking;
