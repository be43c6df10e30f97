package org.kehou.admin.offering;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;
import org.kehou.core.offering.GradeMask;
import org.kehou.core.offering.Offering;
import org.kehou.core.offering.OfferingDraft;
import org.kehou.core.offering.Weekday;

/**
 * Body of create (termId required) and update (termId ignored: an offering stays in its term). allocation: FIRST_COME
 * (the default) or AT_CLOSE, which needs closesAt (the school's local time) and takes it only then.
 */
record OfferingRequest(
    Long termId,
    @NotBlank @Size(max = 60) String name,
    @NotNull Offering.Kind kind,
    @NotEmpty Set<@NotNull Weekday> weekdays,
    @NotEmpty Set<@NotNull @Min(1) @Max(6) Integer> grades,
    @NotNull @Min(0) @Max(10_000) Integer capacity,
    @Size(max = 60) String room,
    Long teacherId,
    @NotNull @JsonFormat(pattern = "H:mm[:ss]") LocalTime startsAt,
    @NotNull @JsonFormat(pattern = "H:mm[:ss]") LocalTime endsAt,
    Offering.Allocation allocation,
    LocalDateTime closesAt) {

  Offering.Allocation allocationOrDefault() {
    return allocation == null ? Offering.Allocation.FIRST_COME : allocation;
  }

  OfferingDraft toDraft() {
    return new OfferingDraft(name.strip(), kind, Weekday.mask(weekdays), GradeMask.mask(grades), capacity,
        room == null || room.isBlank() ? null : room.strip(), teacherId, startsAt, endsAt, allocationOrDefault(),
        closesAt);
  }
}
