/** The gateway's own files on disk: created readable by its own user only. */
package io.liaison.gateway.files;
