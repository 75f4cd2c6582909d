package vn.smartprovince.province.core;

/** SENDING while the fan-out queues jobs; SENT when every partition is done; CANCELLED: nothing more is sent. */
public enum AlertStatus { SENDING, SENT, CANCELLED }
