/**
 * Cross-package call flows. The flow matrix arrives with the flows issue; nothing runs here yet.
 */
export {};
