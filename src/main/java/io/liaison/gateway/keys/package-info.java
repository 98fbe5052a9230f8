/** Key files: certificates of points of contact and the gateway's own secret keys, behind small interfaces. */
package io.liaison.gateway.keys;
