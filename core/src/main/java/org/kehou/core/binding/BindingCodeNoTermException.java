package org.kehou.core.binding;

/** Codes expire at the end of the current term; without one there is no expiry to give them. */
public class BindingCodeNoTermException extends RuntimeException {

  public BindingCodeNoTermException(long schoolId) {
    super("School " + schoolId + " has no current or upcoming term");
  }
}
