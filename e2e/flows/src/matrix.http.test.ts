import { describeMatrix } from './matrix/runMatrix.js';

describeMatrix('http');
