/** The app's Embed page, with `@grafana/runtime` aliased to ./embedRuntime.ts (a Grafana without anonymous access). */
import { Embed } from '../../../src/pages/Embed/Embed';

export default Embed;
