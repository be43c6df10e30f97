package org.kehou.core.school;

public record School(long id, String code, String name) {
}
