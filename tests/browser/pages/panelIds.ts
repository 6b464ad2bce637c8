/** Pool ids on the panel test page that the browser test looks for (kept apart so node can import them). */
export const HOSTILE_ID = '<script>window.__pwned=1</script>';
export const RTL_ID = 'מאגר-ראשי';
export const LONG_ID = `reporting-${'x'.repeat(300)}`;
