/** Schema migrations written in Java, where one database needs a step the other must not take. */
package db.migration;
