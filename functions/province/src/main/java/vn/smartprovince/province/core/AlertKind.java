package vn.smartprovince.province.core;

/** What an urgent alert warns of. */
public enum AlertKind { STORM, FLOOD, WATER_CUT, ROAD_CLOSED, OTHER }
