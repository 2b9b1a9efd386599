import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

// Every time in the app is shown and entered in China Standard Time, whatever the browser's zone.
export const APP_TIME_ZONE = 'Asia/Shanghai';

export { dayjs };
