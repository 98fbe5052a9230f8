/** The directory: sectors, organisations, points of contact and handling agreements, loaded and validated from YAML. */
package io.liaison.gateway.directory;
