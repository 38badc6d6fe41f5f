import { describeMatrix } from './matrix/runMatrix.js';

describeMatrix('in-process');
