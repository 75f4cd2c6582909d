package vn.smartprovince.reports.core;

/** What someone does to a report. Each is one or more {@link StateMachine.Rule}s. */
public enum Action {
    SUBMIT,
    WITHDRAW,
    PROVIDE_INFO,
    RATE,
    REOPEN,
    ACCEPT,
    REQUEST_INFO,
    ANSWER,
    TRANSFER,
    REJECT,
    ASSIGN
}
