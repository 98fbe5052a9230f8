/** The application: settings, the one place where everything is wired, the Camel runtime, the CLI and the demo. */
package io.liaison.gateway.app;
