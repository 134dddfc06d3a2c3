// The id of a page's list of results (DataTableResults, or the empty state in its place): the skip
// link ("Skip to results") leads there. A console page shows one such list.
export const RESULTS_ID = "results";
