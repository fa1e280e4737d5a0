package org.dossier.core;

/** A query the user wrote that cannot be parsed; the message says where and why. */
public class InvalidQueryException extends IllegalArgumentException {
  public InvalidQueryException(String message, Throwable cause) {
    super(message, cause);
  }
}
