export declare const PIPED_RESPONSES_KEY: unique symbol;
export declare function responsesArePiped(): boolean;
