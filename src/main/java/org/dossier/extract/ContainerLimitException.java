package org.dossier.extract;

import java.io.IOException;

/** A container broke one of its {@link ContainerLimits}; the message names the cap and the value. */
final class ContainerLimitException extends IOException {
  ContainerLimitException(String message) {
    super(message);
  }
}
