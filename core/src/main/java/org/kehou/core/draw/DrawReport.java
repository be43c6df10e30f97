package org.kehou.core.draw;

import java.util.List;

/** A draw and its entrants in seat order (priority children first, each group in lottery order). */
public record DrawReport(DrawRecord draw, List<DrawEntrant> order) {

  public DrawReport {
    order = List.copyOf(order);
  }
}
