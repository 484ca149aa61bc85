/** The units' page stylesheet, served as a file so the CSP can forbid inline styles. */
export const UNIT_PAGE_CSS = `
body { font: 15px/1.6 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; color: #1f2328; background: #f6f7f9; }
header { display: flex; justify-content: space-between; align-items: center; padding: 10px 24px; background: #17447a; color: #fff; }
header a, header span { color: #fff; text-decoration: none; }
.signout { display: flex; gap: 12px; align-items: center; margin: 0; }
main { max-width: 960px; margin: 0 auto; padding: 16px 24px 48px; }
.card { background: #fff; border: 1px solid #d8dde3; border-radius: 6px; padding: 12px 16px; margin: 12px 0; }
.card.narrow { max-width: 360px; }
.card.danger { border-color: #e3b4b4; }
label { display: block; margin: 8px 0; }
input, textarea { font: inherit; padding: 4px 6px; }
textarea { display: block; width: 100%; box-sizing: border-box; margin: 6px 0; }
button { font: inherit; padding: 4px 14px; cursor: pointer; }
table { width: 100%; border-collapse: collapse; background: #fff; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e5e8eb; vertical-align: top; }
td.text { max-width: 420px; }
pre { white-space: pre-wrap; word-break: break-word; font: inherit; margin: 0; }
.tabs { display: flex; gap: 16px; margin: 8px 0 12px; }
.overdue { color: #c62828; font-weight: 600; }
tr.overdue td { background: #fff1f1; }
.met { color: #2e7d32; }
.none { color: #6b7280; }
.remind { color: #b45309; }
.flash { padding: 8px 12px; border-radius: 4px; }
.flash.notice { background: #e8f5e9; }
.flash.error { background: #fdecea; color: #b71c1c; }
.meta { color: #57606a; margin: 0 0 6px; }
dl.clocks { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dl.clocks dd { margin: 0; }
`;
