package vn.smartprovince.province.core;

/** How urgent an alert is: the mini app colours its banner by it. */
public enum AlertSeverity { INFO, WARNING, DANGER }
