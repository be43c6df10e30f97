package org.kehou.core.binding;

/** A bound guardian gets a new code only through the explicit reissue, never as part of a class's codes. */
public class GuardianBoundException extends RuntimeException {

  public GuardianBoundException(long guardianId) {
    super("Guardian " + guardianId + " is bound; reissue their code explicitly");
  }
}
